using Sto.Scheduler.Engine.DemoData;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Solving;

namespace Sto.Scheduler.Engine.Tests.Solving;

/// <summary>A tier whose budget runs out before CP-SAT has any plan keeps the plan it started from, and holds its value.</summary>
public sealed class TierWithoutSolutionTests
{
    private static readonly SchedulingProblem Problem = DemoSubregionGenerator.Generate(DemoParameters.Subregion(4) with { PupilCount = 90, SchoolCount = 3, OfferCount = 20, CompanyHotspotCount = 2 });

    [Fact]
    public void A_tier_without_a_plan_of_its_own_reports_the_value_it_kept_and_later_tiers_do_not_worsen_it()
    {
        var outcome = Problem.SolveOrFail(SolverTestExtensions.Reproducible with { DeterministicTimeLimit = 1e-9 });

        var withoutPlan = outcome.Statistics.Tiers.Where(t => t.Gap >= 1 && !t.IsProvenOptimal).ToList();
        Assert.NotEmpty(withoutPlan);
        // The first tier kept the greedy plan; the plan returned after every later tier still has that value.
        var first = outcome.Statistics.Tiers[0];
        Assert.Equal(1, first.Gap);
        Assert.True(first.Objective > 0);
        Assert.Equal(first.Objective, AllocationSolver.FirstTierValue(Problem, outcome.Allocation));
    }
}
