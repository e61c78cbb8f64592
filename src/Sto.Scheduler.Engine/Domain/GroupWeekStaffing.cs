using System.Collections.Immutable;

namespace Sto.Scheduler.Engine.Domain;

/// <summary>The staff present with one group in one week.</summary>
public sealed record GroupWeekStaffing
{
    public Week Week { get; init; }

    public ImmutableArray<StaffId> Staff { get; init; } = [];
}
