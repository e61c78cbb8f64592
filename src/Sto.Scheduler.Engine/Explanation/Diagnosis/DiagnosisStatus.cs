namespace Sto.Scheduler.Engine.Explanation.Diagnosis;

/// <summary>How far the CP-SAT diagnosis of one subject got.</summary>
public enum DiagnosisStatus
{
    /// <summary>Proven: together the reasons make it impossible, and without any one of them it becomes possible.</summary>
    MinimalReasons = 1,

    /// <summary>Together the reasons make it impossible; a time limit stopped the proof that each one is needed.</summary>
    ReasonsNotProvenMinimal = 2,

    /// <summary>No hard rule blocks it: it is possible, but the plan as a whole is better for other pupils without it.</summary>
    NoRuleBlocks = 3,

    /// <summary>The time limit ended the search before an answer.</summary>
    Undecided = 4,
}
