namespace Sto.Scheduler.Engine.Solving;

/// <summary>One objective tier's outcome: value, proven bound, gap and time.</summary>
public sealed record TierResult
{
    /// <summary>"placement+preference", "travel", "staffing", "priority" or "weighted"; a re-plan's "kept-places", "moves", "placement", "preference" ….</summary>
    public string Tier { get; init; } = "";

    public long Objective { get; init; }

    public long BestBound { get; init; }

    /// <summary>
    /// Who proved <see cref="BestBound"/>: "cp-sat", "cbc" (the MIP companion on a large first tier), "known" (a bound
    /// computed before the search) or "none" (nothing proven in the tier's time).
    /// </summary>
    public string BoundSource { get; init; } = "cp-sat";

    /// <summary>What the MIP companion did in this tier (status, bound, plan, when), or null when it did not run.</summary>
    public string? Companion { get; init; }

    /// <summary>(objective − bound) / max(1, |objective|); 0 when proven optimal.</summary>
    public double Gap { get; init; }

    public bool IsProvenOptimal { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>When the tier's search ended, measured from the start of the run (for time-to-gap figures).</summary>
    public TimeSpan FinishedAt { get; init; }

    /// <summary>CP-SAT's deterministic time spent on this tier (a work count, stable on repeat with 1 worker).</summary>
    public double DeterministicTime { get; init; }
}
