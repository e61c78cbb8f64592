using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Solving;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Engine.Replanning;

/// <summary>The answer to a re-plan: invalid input, or the new allocation with the diff and the move bounds.</summary>
public abstract record ReplanOutcome
{
    private ReplanOutcome()
    {
    }

    /// <summary>The disrupted problem broke rules (e.g. an unknown staff id in a disruption); every issue is listed.</summary>
    public sealed record Invalid(ImmutableArray<ValidationIssue> Issues) : ReplanOutcome;

    /// <summary>A new allocation that passed the checker.</summary>
    /// <param name="Problem">The problem after the disruptions, which the allocation belongs to.</param>
    /// <param name="Allocation">The new allocation.</param>
    /// <param name="Quality">Its quality.</param>
    /// <param name="Statistics">Per-tier objective, bound and gap (tiers: kept-places, moves, placement, preference, …).</param>
    /// <param name="Status">How far the search got.</param>
    /// <param name="Diff">Who moved and why, staff and bus changes, for review before publishing.</param>
    /// <param name="UnavoidableMoves">
    /// A proven lower bound on the pupils who had to move: the larger of the pupils whose old offer became impossible
    /// for them and CP-SAT's proven bound on the moves tier.
    /// </param>
    public sealed record Replanned(
        SchedulingProblem Problem,
        Allocation Allocation,
        AllocationQuality Quality,
        SolveStatistics Statistics,
        SolveStatus Status,
        AllocationDiff Diff,
        int UnavoidableMoves) : ReplanOutcome;
}
