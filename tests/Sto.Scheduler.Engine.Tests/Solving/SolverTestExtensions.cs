using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Solving;

namespace Sto.Scheduler.Engine.Tests.Solving;

internal static class SolverTestExtensions
{
    public static readonly SolverSettings Reproducible = SolverSettings.Deterministic with { DeterministicTimeLimit = 10 };

    public static SolveOutcome.Solved SolveOrFail(this SchedulingProblem problem, SolverSettings? settings = null)
    {
        var outcome = AllocationSolver.Solve(problem, settings ?? Reproducible);
        if (outcome is SolveOutcome.Invalid invalid)
        {
            Assert.Fail("Invalid problem: " + string.Join("; ", invalid.Issues));
        }

        return (SolveOutcome.Solved)outcome;
    }

    public static string? OfferOf(this Allocation allocation, string pupil) =>
        allocation.Placements.FirstOrDefault(p => p.Pupil.Value == pupil)?.Offer.Value;

    public static int CountIn(this Allocation allocation, string offer) =>
        allocation.Placements.Count(p => p.Offer.Value == offer);
}
