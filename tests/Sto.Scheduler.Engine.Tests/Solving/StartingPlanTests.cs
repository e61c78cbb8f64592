using Sto.Scheduler.Engine.DemoData;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Solving;

namespace Sto.Scheduler.Engine.Tests.Solving;

/// <summary>A run interrupted by a service restart continues from its best plan (SolverSettings.StartingPlan).</summary>
public sealed class StartingPlanTests
{
    private static readonly SchedulingProblem Problem = DemoSubregionGenerator.Generate(DemoParameters.Subregion(4) with { PupilCount = 90, SchoolCount = 3, OfferCount = 20, CompanyHotspotCount = 2 });

    [Fact]
    public void A_better_starting_plan_becomes_the_hint()
    {
        var finished = Problem.SolveOrFail();

        var continued = Problem.SolveOrFail(SolverTestExtensions.Reproducible with { StartingPlan = finished.Allocation });

        Assert.Equal(finished.Quality.UnplacedCount, continued.Statistics.HintUnplaced);
        Assert.Equal(finished.Quality.RankCost, continued.Statistics.HintRankCost);
        Assert.True(continued.Quality.RankCost <= finished.Quality.RankCost);
    }

    [Fact]
    public void A_starting_plan_with_unknown_pupils_offers_and_staff_is_repaired_not_trusted()
    {
        var stale = new Allocation
        {
            Placements = [new PupilPlacement { Pupil = new PupilId("gone"), Offer = new OfferId("nope"), Group = 1, Rank = 1 }],
            Groups = [new GroupPlan { Offer = new OfferId("nope"), Group = 1, Pupils = [new PupilId("gone")] }],
        };

        var solved = Problem.SolveOrFail(SolverTestExtensions.Reproducible with { StartingPlan = stale });

        Assert.Equal(Problem.SolveOrFail().Quality.UnplacedCount, solved.Quality.UnplacedCount);
        Assert.Empty(Sto.Scheduler.Engine.Validation.AllocationChecker.Check(Problem, solved.Allocation));
    }

    [Fact]
    public void A_starting_plan_never_makes_the_hint_worse_than_the_greedy_one()
    {
        var greedy = Problem.SolveOrFail();

        var withEmpty = Problem.SolveOrFail(SolverTestExtensions.Reproducible with { StartingPlan = new Allocation() });

        Assert.True(
            (withEmpty.Statistics.HintUnplaced, withEmpty.Statistics.HintRankCost).CompareTo((greedy.Statistics.HintUnplaced, greedy.Statistics.HintRankCost)) <= 0,
            $"hint with an empty starting plan ({withEmpty.Statistics.HintUnplaced}, {withEmpty.Statistics.HintRankCost}) is worse than the greedy one ({greedy.Statistics.HintUnplaced}, {greedy.Statistics.HintRankCost})");
    }

    [Fact]
    public void With_tier_plans_every_tier_end_report_carries_a_valid_plan_and_otherwise_none()
    {
        var withPlans = new List<SolveProgress>();
        var without = new List<SolveProgress>();

        AllocationSolver.Solve(Problem, SolverTestExtensions.Reproducible with { ReportTierPlans = true }, new Collect(withPlans));
        AllocationSolver.Solve(Problem, SolverTestExtensions.Reproducible, new Collect(without));

        var ends = withPlans.Where(p => p.EndedTier is not null).ToList();
        Assert.Equal(4, ends.Count);
        Assert.All(ends, end => Assert.Empty(Sto.Scheduler.Engine.Validation.AllocationChecker.Check(Problem, end.Plan!)));
        Assert.All(withPlans.Where(p => p.EndedTier is null), p => Assert.Null(p.Plan));
        Assert.All(without, p => Assert.Null(p.Plan));
    }

    [Fact]
    public void With_a_checkpoint_interval_improving_reports_carry_valid_plans_too()
    {
        var reports = new List<SolveProgress>();

        AllocationSolver.Solve(Problem, SolverTestExtensions.Reproducible with { ReportTierPlans = true, PlanCheckpointInterval = TimeSpan.Zero }, new Collect(reports));

        // The first report is the greedy plan, made before CP-SAT starts: a restart rebuilds it anyway.
        var midTier = reports.Skip(1).Where(p => p.EndedTier is null).ToList();
        Assert.NotEmpty(midTier);
        Assert.All(midTier, report => Assert.NotNull(report.Plan));
        Assert.All(midTier, report => Assert.Empty(Sto.Scheduler.Engine.Validation.AllocationChecker.Check(Problem, report.Plan!)));
        var firstTier = midTier.Where(p => p.TierNumber == 1).ToList();
        Assert.All(firstTier, report => Assert.Equal(report.Plan!.Placements.Length, Problem.Pupils.Length - UnplacedIn(report)));
    }

    [Fact]
    public void A_checkpoint_interval_without_tier_plans_puts_no_plan_on_any_report()
    {
        var reports = new List<SolveProgress>();

        AllocationSolver.Solve(Problem, SolverTestExtensions.Reproducible with { PlanCheckpointInterval = TimeSpan.Zero }, new Collect(reports));

        Assert.NotEmpty(reports);
        Assert.All(reports, report => Assert.Null(report.Plan));
    }

    /// <summary>Unplaced pupils of a combined first-tier objective (each costs more than all rank costs together).</summary>
    private static int UnplacedIn(SolveProgress report) =>
        (int)(report.Objective / Sto.Scheduler.Engine.Modeling.AllocationModelBuilder.CombinedUnplacedCost(Problem.Rules.Objective, Problem.Pupils.Length));

    /// <summary>Collects reports synchronously (Progress&lt;T&gt; would post them to the thread pool).</summary>
    private sealed class Collect(List<SolveProgress> reports) : IProgress<SolveProgress>
    {
        public void Report(SolveProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
