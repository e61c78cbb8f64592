using System.Collections.Immutable;

namespace Sto.Scheduler.Engine.Solving;

/// <summary>Figures a planner and a benchmark read about a run: model size, per-tier bounds and gaps, time.</summary>
public sealed record SolveStatistics
{
    public ImmutableArray<TierResult> Tiers { get; init; } = [];

    /// <summary>Pupil–offer pairs that passed the candidate filter (the assignment literals).</summary>
    public int CandidatePairs { get; init; }

    public int Variables { get; init; }

    public int Constraints { get; init; }

    /// <summary>Lower bound on unplaced pupils from the min-cost-flow relaxation (no minimum sizes, no staff rounding).</summary>
    public int FlowBoundUnplaced { get; init; }

    /// <summary>Lower bound on the rank cost of the flow relaxation among maximum placements.</summary>
    public long FlowBoundRankCost { get; init; }

    /// <summary>Unplaced pupils and rank cost of the greedy hint.</summary>
    public int HintUnplaced { get; init; }

    public long HintRankCost { get; init; }

    /// <summary>
    /// When the engine first had a complete plan that keeps every hard rule: the first greedy round of the hint (also
    /// reported through the progress callback), or CP-SAT's first solution when no hint is built.
    /// </summary>
    public TimeSpan TimeToFirstSolution { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>The largest gap over the tiers.</summary>
    public double Gap => Tiers.IsDefaultOrEmpty ? 0 : Tiers.Max(t => t.Gap);
}
