using System.Text;
using Sto.Scheduler.Engine.Explanation.Diagnosis;

namespace Sto.Scheduler.Engine.Explanation;

/// <content>Sentences for the CP-SAT run diagnosis.</content>
public static partial class ExplanationText
{
    /// <summary>
    /// One paragraph: who or what, then every reason of the minimal set with the offer it is about, e.g.
    /// "Pupil north-16 could not be placed without another pupil losing their place: 'metal' (north): the group is full (at most 15 pupils).".
    /// </summary>
    public static string Render(DiagnosisCase diagnosisCase)
    {
        ArgumentNullException.ThrowIfNull(diagnosisCase);
        var text = new StringBuilder();
        var others = diagnosisCase.Pupils.IsDefaultOrEmpty ? 0 : diagnosisCase.Pupils.Length - 1;
        text.Append(diagnosisCase.Kind == DiagnosisSubjectKind.PupilLeftOut
            ? "Pupil " + diagnosisCase.Subject + (others > 0 ? Inv($" (and {Count(others, "more pupil")} for the same reasons)") : "") + " could not be placed without another pupil losing their place:"
            : Title(diagnosisCase.OfferName.Length > 0 ? diagnosisCase.OfferName : diagnosisCase.Subject, "") + Inv($" ran no group although {Count(others + 1, "pupil")} would rather have it, and it cannot run without another pupil losing their place:"));
        switch (diagnosisCase.Status)
        {
            case DiagnosisStatus.NoRuleBlocks:
                text.Append(" no hard rule blocks it; the plan as a whole is better for the other pupils this way.");
                break;
            case DiagnosisStatus.Undecided:
                text.Append(" undecided within the time limit.");
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
