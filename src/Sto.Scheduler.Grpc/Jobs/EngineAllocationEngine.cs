using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Replanning;
using Sto.Scheduler.Engine.Solving;

namespace Sto.Scheduler.Grpc.Jobs;

/// <summary>The real Engine: <see cref="AllocationSolver.Solve"/> and <see cref="ReplanSolver.Replan"/> (validate, then solve tier by tier).</summary>
public sealed class EngineAllocationEngine : IAllocationEngine
{
    public SolveOutcome Solve(
        SchedulingProblem problem, SolverSettings settings, IProgress<SolveProgress>? progress, CancellationToken cancellationToken) =>
        AllocationSolver.Solve(problem, settings, progress, cancellationToken);

    public ReplanOutcome Replan(
        ReplanRequest request, SolverSettings settings, IProgress<SolveProgress>? progress, CancellationToken cancellationToken) =>
        ReplanSolver.Replan(request, settings, progress, cancellationToken);
}
