using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Solving;

namespace Sto.Scheduler.Grpc.Jobs;

/// <summary>The port to the Engine's solver, so the worker can be tested with a fake.</summary>
public interface IAllocationEngine
{
    /// <summary>Solves synchronously (CPU-bound); cancellation stops the search and returns the best so far.</summary>
    SolveOutcome Solve(
        SchedulingProblem problem, SolverSettings settings, IProgress<SolveProgress>? progress, CancellationToken cancellationToken);
}
