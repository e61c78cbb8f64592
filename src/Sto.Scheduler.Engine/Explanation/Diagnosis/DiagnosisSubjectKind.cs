namespace Sto.Scheduler.Engine.Explanation.Diagnosis;

/// <summary>What a <see cref="DiagnosisCase"/> is about.</summary>
public enum DiagnosisSubjectKind
{
    /// <summary>A pupil the allocation left without an elective.</summary>
    PupilLeftOut = 1,

    /// <summary>An offer that ran no group although at least its minimum could join and would rather have it.</summary>
    OfferClosed = 2,
}
