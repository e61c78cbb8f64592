using System.Collections.Immutable;

namespace Sto.Scheduler.Engine.Domain;

/// <summary>One running group of an offer: its pupils for the period and its staff per week.</summary>
public sealed record GroupPlan
{
    public OfferId Offer { get; init; }

    /// <summary>1-based number of the parallel group.</summary>
    public int Group { get; init; } = 1;

    public ImmutableArray<PupilId> Pupils { get; init; } = [];

    /// <summary>One entry per week the offer meets.</summary>
    public ImmutableArray<GroupWeekStaffing> Staffing { get; init; } = [];
}
