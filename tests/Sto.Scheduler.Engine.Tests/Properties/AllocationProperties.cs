using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sto.Scheduler.Engine.Baselines;
using Sto.Scheduler.Engine.DemoData;
using Sto.Scheduler.Engine.Decoding;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Modeling;
using Sto.Scheduler.Engine.Solving;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Engine.Tests.Properties;

/// <summary>Properties over small generated subregions: whatever the seed, every plan keeps every hard rule.</summary>
public sealed class AllocationProperties
{
    private static SchedulingProblem Small(int seed) => DemoSubregionGenerator.Generate(new DemoParameters
    {
        Seed = seed,
        PupilCount = 40,
        SchoolCount = 3,
        OfferCount = 8,
        CompanyHotspotCount = 1,
        WeekCount = 4,
        HolidayWeek = null,
        RegionSizeKm = 12,
        KitTypeCount = 1,
    });

    private static readonly SolverSettings Quick = SolverSettings.Deterministic with { DeterministicTimeLimit = 2 };

    [Property(MaxTest = 12)]
    public Property Every_solver_result_passes_the_independent_checker() =>
        Prop.ForAll(Gen.Choose(1, 10_000).ToArbitrary(), seed =>
        {
            var problem = Small(seed);
            var outcome = AllocationSolver.Solve(problem, Quick);
            var solved = Assert.IsType<SolveOutcome.Solved>(outcome);
            Assert.Empty(AllocationChecker.Check(problem, solved.Allocation));
            var tiers = ObjectiveCalculator.Calculate(problem, solved.Allocation);
            Assert.Equal(solved.Quality.UnplacedCount, tiers.Placement);

            // Every tier reports the value of the plan returned, not a bound it was assumed to reach.
            var reported = solved.Statistics.Tiers.ToDictionary(t => t.Tier, t => t.Objective);
            var unplacedCost = AllocationModelBuilder.CombinedUnplacedCost(problem.Rules.Objective, problem.Pupils.Length);
            Assert.Equal((tiers.Placement * unplacedCost) + tiers.Preference, reported["placement+preference"]);
            Assert.Equal(
                (tiers.Travel, tiers.Staffing, tiers.Priority),
                (reported["travel"], reported["staffing"], reported["priority"]));
        });

    [Property(MaxTest = 6)]
    public Property Rank_maximal_tiers_report_the_placements_per_rank_of_the_plan_returned() =>
        Prop.ForAll(Gen.Choose(1, 10_000).ToArbitrary(), seed =>
        {
            var generated = Small(seed);
            var problem = generated with { Rules = generated.Rules with { Objective = generated.Rules.Objective with { RankMaximal = true } } };
            var solved = Assert.IsType<SolveOutcome.Solved>(AllocationSolver.Solve(problem, Quick));
            Assert.Empty(AllocationChecker.Check(problem, solved.Allocation));

            var reported = solved.Statistics.Tiers.ToDictionary(t => t.Tier, t => t.Objective);
            var unplaced = ObjectiveCalculator.Calculate(problem, solved.Allocation).Placement;
            Assert.Equal(
                (unplaced * AllocationModelBuilder.FirstChoicesUnplacedCost(problem)) - ObjectiveCalculator.PlacementsAtRank(problem, solved.Allocation, 1),
                reported[TierNames.PlacementAndFirstChoices]);
            for (var rank = 2; rank <= ObjectiveSettings.RankMaximalRanks; rank++)
            {
                Assert.Equal(-ObjectiveCalculator.PlacementsAtRank(problem, solved.Allocation, rank), reported[TierNames.Rank(rank)]);
            }
        });

    [Property(MaxTest = 25)]
    public Property Every_greedy_baseline_result_passes_the_independent_checker() =>
        Prop.ForAll(Gen.Choose(1, 10_000).ToArbitrary(), seed =>
        {
            var problem = Small(seed);
            var allocation = GreedyAllocator.Allocate(problem, ArrivalOrders.RandomSerialDictatorship(problem, seed));
            Assert.Empty(AllocationChecker.Check(problem, allocation));
        });

    [Property(MaxTest = 8)]
    public Property The_solver_never_leaves_more_pupils_out_than_the_greedy_baseline() =>
        Prop.ForAll(Gen.Choose(1, 10_000).ToArbitrary(), seed =>
        {
            var problem = Small(seed);
            var greedy = GreedyAllocator.Allocate(problem, ArrivalOrders.ByLottery(problem));
            var solved = Assert.IsType<SolveOutcome.Solved>(AllocationSolver.Solve(problem, Quick));
            Assert.True(solved.Quality.UnplacedCount <= greedy.Unplaced.Length);
        });
}
