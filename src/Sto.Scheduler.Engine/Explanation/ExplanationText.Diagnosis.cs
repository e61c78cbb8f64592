using System.Text;
using Sto.Scheduler.Engine.Explanation.Diagnosis;

namespace Sto.Scheduler.Engine.Explanation;

/// <content>Sentences for the CP-SAT run diagnosis.</content>
public static partial class ExplanationText
{
    /// <summary>
    /// One paragraph: who or what, then every reason of the minimal set with the offer it is about, e.g.
    /// "Pupil north-16 was left out; no place without another pupil losing theirs: 'metal' (north): the group is full (at most 15 pupils).".
    /// </summary>
    public static string Render(DiagnosisCase diagnosisCase)
    {
        ArgumentNullException.ThrowIfNull(diagnosisCase);
        var text = new StringBuilder();
        var others = diagnosisCase.Pupils.IsDefaultOrEmpty ? 0 : diagnosisCase.Pupils.Length - 1;
        var pupil = diagnosisCase.Kind == DiagnosisSubjectKind.PupilLeftOut;
        text.Append(pupil
            ? "Pupil " + diagnosisCase.Subject + (others > 0 ? Inv($" (and {Count(others, "more pupil")} with the same diagnosis)") : "") + " was left out"
            : Title(diagnosisCase.OfferName.Length > 0 ? diagnosisCase.OfferName : diagnosisCase.Subject, "") + Inv($" ran no group although {Count(others + 1, "pupil")} would rather have it"));
        if (diagnosisCase.Status is DiagnosisStatus.MinimalReasons or DiagnosisStatus.ReasonsNotProvenMinimal && !diagnosisCase.Reasons.IsDefaultOrEmpty)
        {
            text.Append(pupil ? "; no place without another pupil losing theirs:" : "; it cannot run without another pupil losing their place:");
        }

        switch (diagnosisCase.Status)
        {
            case DiagnosisStatus.NoRuleBlocks:
                text.Append(pupil
                    ? ": no hard rule blocks a place for them while every other pupil keeps theirs (the plan is not optimal here)."
                    : ": no hard rule blocks it while every placed pupil keeps a place; the plan serves the pupils' rankings better without it.");
                break;
            case DiagnosisStatus.Undecided:
                text.Append(": undecided within the time limit.");
                break;
            case DiagnosisStatus.MinimalReasons when diagnosisCase.Reasons.IsDefaultOrEmpty:
                text.Append(pupil ? ": none of their choices is an elective offered in this period." : ": nobody who could take it can join it.");
                break;
            default:
                foreach (var reason in diagnosisCase.Reasons)
                {
                    text.Append(' ').Append(Title(reason.Fact("offer-name") ?? reason.Subject, reason.Fact("provider") ?? "")).Append(": ").Append(Clause(reason));
                }

                if (diagnosisCase.Status == DiagnosisStatus.ReasonsNotProvenMinimal)
                {
                    text.Append(" (A time limit stopped the proof that every reason is needed.)");
                }

                break;
        }

        return text.ToString();
    }
}
