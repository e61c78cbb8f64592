namespace Sto.Scheduler.Engine.Solving;

/// <summary>A progress report during a run: the tier being improved, its incumbent, bound and elapsed time.</summary>
public sealed record SolveProgress
{
    public string Tier { get; init; } = "";

    public int TierNumber { get; init; }

    public int TierCount { get; init; }

    public long Objective { get; init; }

    public long BestBound { get; init; }

    public double Gap { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>Set on the report made when a tier ends: that tier's final objective, proven bound and gap.</summary>
    public TierResult? EndedTier { get; init; }

    /// <summary>
    /// When <see cref="SolverSettings.ReportTierPlans"/> is set: on a tier-end report the complete plan the tier ended
    /// with, and, with <see cref="SolverSettings.PlanCheckpointInterval"/>, on an improving report the plan found (every
    /// hard rule kept); null otherwise.
    /// </summary>
    public Domain.Allocation? Plan { get; init; }
}
