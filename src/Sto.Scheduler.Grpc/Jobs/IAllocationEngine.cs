using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Replanning;
using Sto.Scheduler.Engine.Solving;

namespace Sto.Scheduler.Grpc.Jobs;

/// <summary>The port to the Engine's solver, so the worker can be tested with a fake.</summary>
public interface IAllocationEngine
{
    /// <summary>Solves synchronously (CPU-bound); cancellation stops the search and returns the best so far.</summary>
    SolveOutcome Solve(
        SchedulingProblem problem, SolverSettings settings, IProgress<SolveProgress>? progress, CancellationToken cancellationToken);

    /// <summary>
    /// Re-plans a published allocation after disruptions (synchronously, CPU-bound). The default is the real
    /// <see cref="ReplanSolver"/>, so a fake that only replaces <see cref="Solve"/> still re-plans for real.
    /// </summary>
    ReplanOutcome Replan(
        ReplanRequest request, SolverSettings settings, IProgress<SolveProgress>? progress, CancellationToken cancellationToken) =>
        ReplanSolver.Replan(request, settings, progress, cancellationToken);
}
