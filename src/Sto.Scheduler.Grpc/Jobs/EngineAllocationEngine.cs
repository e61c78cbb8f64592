using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Solving;

namespace Sto.Scheduler.Grpc.Jobs;

/// <summary>The real Engine: <see cref="AllocationSolver.Solve"/> (validates, then solves tier by tier).</summary>
public sealed class EngineAllocationEngine : IAllocationEngine
{
    public SolveOutcome Solve(
        SchedulingProblem problem, SolverSettings settings, IProgress<SolveProgress>? progress, CancellationToken cancellationToken) =>
        AllocationSolver.Solve(problem, settings, progress, cancellationToken);
}
