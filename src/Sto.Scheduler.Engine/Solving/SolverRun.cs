using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Engine.Solving;

/// <summary>The result of the shared solve pipeline (issues, or an allocation with its figures).</summary>
internal sealed record SolverRun
{
    public ImmutableArray<ValidationIssue> Issues { get; init; } = [];

    public Allocation? Allocation { get; init; }

    public AllocationQuality? Quality { get; init; }

    public SolveStatistics? Statistics { get; init; }

    public SolveStatus Status { get; init; }

    public IReadOnlyList<PupilId> ForcedMoves { get; init; } = [];
}
