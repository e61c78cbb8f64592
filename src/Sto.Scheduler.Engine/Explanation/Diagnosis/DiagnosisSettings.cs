namespace Sto.Scheduler.Engine.Explanation.Diagnosis;

/// <summary>Limits of the CP-SAT run diagnosis; every solve is single-worker and bounded in deterministic time.</summary>
public sealed record DiagnosisSettings
{
    /// <summary>The defaults: 20 subjects, 3 s in all, 0.5 deterministic seconds and 2 wall-clock seconds per solve.</summary>
    public static DiagnosisSettings Default { get; } = new();

    /// <summary>At most this many subjects (pupils left out first, then closed offers) are diagnosed; the rest are counted.</summary>
    public int MaxSubjects { get; init; } = 20;

    /// <summary>
    /// Wall-clock budget of the whole diagnosis: no new subject is started once it is spent (the rest are counted as not
    /// diagnosed), and the subject in progress stops shrinking its reasons (<see cref="DiagnosisStatus.ReasonsNotProvenMinimal"/>),
    /// so a call overruns it by at most one solve. Null: no budget (tests, for reproducible output).
    /// </summary>
    public TimeSpan? TimeBudget { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>CP-SAT deterministic-time budget of one solve (stable across machines).</summary>
    public double DeterministicSecondsPerSolve { get; init; } = 0.5;

    /// <summary>Wall-clock cap of one solve, a safety net on slow machines.</summary>
    public double SecondsPerSolve { get; init; } = 2;
}
