using System.Collections.Immutable;

namespace Sto.Scheduler.Engine.Domain;

/// <summary>
/// The planner's view of an allocation, computed from the allocation itself (never from solver internals),
/// so it cannot drift from the plan.
/// </summary>
public sealed record AllocationQuality
{
    public int PupilCount { get; init; }

    public int PlacedCount { get; init; }

    public int UnplacedCount { get; init; }

    /// <summary>Placements at rank 1, 2, 3 …: index 0 is rank 1.</summary>
    public ImmutableArray<int> PlacementsByRank { get; init; } = [];

    /// <summary>Share of all pupils placed at their first choice.</summary>
    public double FirstChoiceRate { get; init; }

    /// <summary>Share of all pupils placed at one of their first three choices.</summary>
    public double TopThreeRate { get; init; }

    /// <summary>Worst rank given to a placed pupil (0 when nobody is placed).</summary>
    public int WorstRank { get; init; }

    /// <summary>Σ of the convex rank costs of all placements.</summary>
    public long RankCost { get; init; }

    public ImmutableArray<SchoolQuality> Schools { get; init; } = [];

    /// <summary>Groups that run.</summary>
    public int RunningGroups { get; init; }

    /// <summary>Offers with at least one choice that did not run.</summary>
    public int ClosedOffers { get; init; }

    /// <summary>Pupils in running groups / seats of running groups.</summary>
    public double GroupFillRate { get; init; }

    /// <summary>Σ over weeks of staff members at work on the afternoon.</summary>
    public int StaffAfternoons { get; init; }

    /// <summary>Σ over weeks of buses ordered.</summary>
    public int BusAfternoons { get; init; }

    /// <summary>Σ over placed pupils and their session weeks of the round trip in minutes.</summary>
    public long TravelMinutes { get; init; }

    /// <summary>Pupils placed at a venue away from their own school site.</summary>
    public int ExternalPlacements { get; init; }

    /// <summary>Offers that did not run although pupils wanted them (the minimum-group-size report).</summary>
    public ImmutableArray<OfferNearMiss> NearMisses { get; init; } = [];
}
