using Sto.Scheduler.Engine.Explanation;
using Sto.Scheduler.Engine.Explanation.Diagnosis;
using V1 = Sto.Scheduler.Api.V1;

namespace Sto.Scheduler.Grpc.Mapping;

/// <summary>The Engine's explanations, diagnosis and fairness metrics → wire messages, with the rendered sentences.</summary>
public static class ExplanationMapping
{
    public static V1.PupilPlacementExplanation ToProto(PlacementExplanation explanation, string runName) => new()
    {
        AllocationRun = runName,
        Pupil = explanation.Pupil.Value,
        GrantedElectiveOffer = explanation.GrantedOffer?.Value ?? "",
        GrantedRank = explanation.GrantedRank ?? 0,
        Choices = { explanation.Choices.Select(ToProto) },
        Text = ExplanationText.Render(explanation),
    };

    public static V1.ChoiceVerdict ToProto(ChoiceVerdict verdict) => new()
    {
        ElectiveOffer = verdict.Offer.Value ?? "",
        Rank = verdict.Rank,
        ElectiveName = verdict.OfferName,
        ProviderName = verdict.ProviderName,
        Outcome = verdict.Outcome switch
        {
            ChoiceOutcome.Granted => V1.ChoiceVerdict.Types.Outcome.Granted,
            ChoiceOutcome.BetterChoiceBlocked => V1.ChoiceVerdict.Types.Outcome.BetterChoiceBlocked,
            ChoiceOutcome.LowerChoiceNotNeeded => V1.ChoiceVerdict.Types.Outcome.LowerChoiceNotNeeded,
            _ => V1.ChoiceVerdict.Types.Outcome.Unspecified,
        },
        Reasons = { verdict.Reasons.Select(ToProto) },
        Text = ExplanationText.Render(verdict),
    };

    public static V1.ExplanationReason ToProto(ExplanationReason reason) => new()
    {
        Code = reason.Code,
        Subject = reason.Subject,
        Facts = { reason.Facts.Select(f => new V1.ExplanationFact { Key = f.Key, Value = f.Value }) },
        Text = ExplanationText.Clause(reason),
    };

    public static V1.DiagnosisFinding ToProto(DiagnosisFinding finding) => new()
    {
        Reason = ToProto(finding.Reason),
        ElectiveName = finding.OfferName,
        AffectedPupilCount = finding.PupilCount,
        Pupils = { finding.Pupils.Select(p => p.Value) },
        Text = ExplanationText.Render(finding),
    };

    public static V1.DiagnosisCase ToProto(DiagnosisCase diagnosisCase)
    {
        ArgumentNullException.ThrowIfNull(diagnosisCase);
        return new V1.DiagnosisCase
        {
        SubjectKind = diagnosisCase.Kind switch
        {
            DiagnosisSubjectKind.PupilLeftOut => V1.DiagnosisCase.Types.SubjectKind.PupilLeftOut,
            DiagnosisSubjectKind.OfferClosed => V1.DiagnosisCase.Types.SubjectKind.OfferClosed,
            _ => V1.DiagnosisCase.Types.SubjectKind.Unspecified,
        },
        Subject = diagnosisCase.Subject,
        Pupils = { diagnosisCase.Pupils.Select(p => p.Value) },
        Reasons = { diagnosisCase.Reasons.Select(ToProto) },
        Status = diagnosisCase.Status switch
        {
            DiagnosisStatus.MinimalReasons => V1.DiagnosisCase.Types.Status.MinimalReasons,
            DiagnosisStatus.ReasonsNotProvenMinimal => V1.DiagnosisCase.Types.Status.ReasonsNotProvenMinimal,
            DiagnosisStatus.NoRuleBlocks => V1.DiagnosisCase.Types.Status.NoRuleBlocks,
            DiagnosisStatus.Undecided => V1.DiagnosisCase.Types.Status.Undecided,
            _ => V1.DiagnosisCase.Types.Status.Unspecified,
        },
        ElectiveName = diagnosisCase.OfferName,
        Text = ExplanationText.Render(diagnosisCase),
        };
    }

    public static V1.FairnessMetrics ToProto(FairnessMetrics metrics) => new()
    {
        Schools = { metrics.BySchool.Select(ToProto) },
        LearningPaths = { metrics.ByLearningPath.Select(ToProto) },
        WorstRank = metrics.WorstRank,
        JustifiedEnvyCount = metrics.JustifiedEnvyCount,
        FirstChoiceRate = metrics.FirstChoiceRate,
    };

    private static V1.FirstChoiceTally ToProto(FirstChoiceTally tally) => new()
    {
        Key = tally.Key,
        PupilCount = tally.PupilCount,
        FirstChoiceCount = tally.FirstChoiceCount,
        FirstChoiceRate = tally.Rate,
    };
}
