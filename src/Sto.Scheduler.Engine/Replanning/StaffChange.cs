using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Replanning;

/// <summary>Staff of one group in one week before and after a re-plan.</summary>
public sealed record StaffChange
{
    public OfferId Offer { get; init; }

    public int Group { get; init; }

    public Week Week { get; init; }

    public ImmutableArray<StaffId> Removed { get; init; } = [];

    public ImmutableArray<StaffId> Added { get; init; } = [];
}
