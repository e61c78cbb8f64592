namespace Sto.Scheduler.Grpc.Persistence.Records;

/// <summary>A solve job and its outcome: the queue row the workers claim with a lease.</summary>
public sealed class AllocationRunRecord
{
    public required string Name { get; set; }

    /// <summary>The subregion resource name.</summary>
    public required string Parent { get; set; }

    /// <summary>AllocationRun.State as a number.</summary>
    public int State { get; set; }

    /// <summary>Opaque version; the optimistic-concurrency token that also fences claims.</summary>
    public required string Etag { get; set; }

    /// <summary>The worker holding the lease, null when none.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>Unix ms until which the lease is held; an expired lease can be reclaimed.</summary>
    public long LeaseUntilMs { get; set; }

    /// <summary>How many times a worker claimed the run (AllocationRun.attempt_count).</summary>
    public int Attempts { get; set; }

    /// <summary>
    /// How many of those claims ended by a graceful shutdown that gave the run back; they do not count towards
    /// the dead-letter limit (Solver:MaxAttempts), only claims that crashed or lost their lease do.
    /// </summary>
    public int Releases { get; set; }

    public bool CancelRequested { get; set; }

    public bool Published { get; set; }

    public long CreateTimeMs { get; set; }

    public long UpdateTimeMs { get; set; }

    /// <summary>The AllocationRun message as proto JSON (settings, progress, quality, error).</summary>
    public required string Payload { get; set; }

    /// <summary>The Allocation message as proto JSON once the run has an answer.</summary>
    public string? Result { get; set; }

    /// <summary>
    /// The exact Engine problem the run solved, as ProblemJson (instance format), so explanations and re-plans
    /// use the problem the allocation was made for, not today's stored resources.
    /// </summary>
    public string? ProblemSnapshot { get; set; }

    /// <summary>The Engine's allocation as ProblemJson (ids, lottery, bus trips), the baseline of a re-plan.</summary>
    public string? EngineAllocation { get; set; }

    /// <summary>For a re-plan run: the AllocationDiff message against the base run as proto JSON.</summary>
    public string? Diff { get; set; }
}
