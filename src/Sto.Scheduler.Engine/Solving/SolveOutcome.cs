using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Engine.Solving;

/// <summary>What a run returns: invalid input, or an allocation with its quality and statistics. Never throws on data.</summary>
public abstract record SolveOutcome
{
    private SolveOutcome()
    {
    }

    /// <summary>The input broke rules; nothing was solved. Every issue is listed.</summary>
    public sealed record Invalid(ImmutableArray<ValidationIssue> Issues) : SolveOutcome;

    /// <summary>An allocation that passed the independent checker. Pupils may be unplaced; see the quality.</summary>
    public sealed record Solved(
        Allocation Allocation,
        AllocationQuality Quality,
        SolveStatistics Statistics,
        SolveStatus Status) : SolveOutcome;
}
