using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Replanning;

/// <summary>What a planner asks when the week changes: the problem as published, the published allocation, what changed.</summary>
public sealed record ReplanRequest
{
    /// <summary>The problem the published allocation was made for.</summary>
    public SchedulingProblem Problem { get; init; } = new();

    /// <summary>The published allocation.</summary>
    public Allocation Baseline { get; init; } = new();

    public ImmutableArray<Disruption> Disruptions { get; init; } = [];

    /// <summary>Pupils moved by an earlier re-plan: moved again only when nothing else works.</summary>
    public ImmutableArray<PupilId> RecentlyMoved { get; init; } = [];
}
