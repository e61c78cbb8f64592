using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Solving;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Grpc.Jobs;

/// <summary>The real Engine. Placeholder until AllocationSolver lands on main: reports that no solver is available.</summary>
public sealed class EngineAllocationEngine : IAllocationEngine
{
    public SolveOutcome Solve(
        SchedulingProblem problem, SolverSettings settings, IProgress<SolveProgress>? progress, CancellationToken cancellationToken) =>
        new SolveOutcome.Invalid(ImmutableArray.Create(
            new ValidationIssue("", "solver-unavailable", "This build has no solver yet.")));
}
