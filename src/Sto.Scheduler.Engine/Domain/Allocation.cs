using System.Collections.Immutable;

namespace Sto.Scheduler.Engine.Domain;

/// <summary>
/// The answer of a run: who goes where, who staffs which group each week, and the buses to order.
/// Checked from scratch by <c>AllocationChecker</c> before it is returned.
/// </summary>
public sealed record Allocation
{
    public ImmutableArray<PupilPlacement> Placements { get; init; } = [];

    public ImmutableArray<GroupPlan> Groups { get; init; } = [];

    public ImmutableArray<BusTrip> BusTrips { get; init; } = [];

    public ImmutableArray<UnplacedPupil> Unplaced { get; init; } = [];

    /// <summary>The lottery numbers used to break ties, published with the result.</summary>
    public ImmutableArray<LotteryTicket> Lottery { get; init; } = [];
}
