using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Solving;
using Sto.Scheduler.Engine.Tests.Support;

namespace Sto.Scheduler.Engine.Tests.Solving;

public sealed class AllocationSolverTests
{
    private static SchedulingProblem Contended() => new ProblemBuilder()
        .School("north")
        .School("south", northKm: -3)
        .Offer("metal", "north", min: 4, max: 10)
        .Offer("wood", "south", min: 4, max: 10)
        .Pupils(12, "north", "metal", "wood")
        .Pupils(8, "south", "metal", "wood")
        .Docent("de-vries", "north", "metal", "wood")
        .Docent("bakker", "south", "metal", "wood")
        .Build();

    [Fact]
    public void Solve_returns_every_validation_issue_instead_of_solving_bad_input()
    {
        var problem = Contended() with { Weeks = [] };

        var outcome = AllocationSolver.Solve(problem, SolverTestExtensions.Reproducible);

        var invalid = Assert.IsType<SolveOutcome.Invalid>(outcome);
        Assert.NotEmpty(invalid.Issues);
    }

    [Fact]
    public void Solve_rejects_a_null_problem()
    {
        Assert.Throws<ArgumentNullException>(() => AllocationSolver.Solve(null!, SolverSettings.Default));
    }

    [Fact]
    public void Reproducible_settings_give_the_same_allocation_twice()
    {
        var first = Contended().SolveOrFail().Allocation;
        var second = Contended().SolveOrFail().Allocation;

        Assert.Equal(string.Join('\n', first.Placements), string.Join('\n', second.Placements));
        Assert.Equal(first.Groups.Select(g => string.Join(',', g.Pupils)), second.Groups.Select(g => string.Join(',', g.Pupils)));
    }

    [Fact]
    public void Every_tier_reports_objective_bound_and_gap_and_the_run_is_proven_optimal()
    {
        var solved = Contended().SolveOrFail();

        Assert.Equal(SolveStatus.Optimal, solved.Status);
        Assert.Equal(["placement+preference", "travel", "staffing", "priority"], solved.Statistics.Tiers.Select(t => t.Tier));
        Assert.All(solved.Statistics.Tiers, t => Assert.Equal(t.Objective, t.BestBound));
        Assert.Equal(0, solved.Statistics.FlowBoundUnplaced);
    }

    [Fact]
    public void Host_pupils_win_the_contended_seats_of_their_own_school_when_seats_are_reserved()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .School("south", northKm: -1)
            .Offer("metal", "north", min: 2, max: 4, open: 4, change: o => o with { OwnPupilSeats = 0 })
            .Offer("wood", "south", min: 2, max: 10)
            .Pupils(3, "north", "metal", "wood")
            .Pupils(3, "south", "metal", "wood")
            .Docent("de-vries", "north", "metal", "wood")
            .Docent("bakker", "south", "metal", "wood")
            .Build();
        var reserved = problem with
        {
            Offers = [problem.Offers[0] with { OwnPupilSeats = 2, OpenSeats = 2 }, problem.Offers[1]],
        };

        var solved = reserved.SolveOrFail();

        var inMetal = solved.Allocation.Placements.Where(p => p.Offer.Value == "metal").Select(p => p.Pupil.Value).ToList();
        Assert.Equal(4, inMetal.Count);
        Assert.True(inMetal.Count(p => p.StartsWith("north", StringComparison.Ordinal)) >= 2);
    }

    [Fact]
    public void The_published_lottery_decides_who_gets_the_last_open_seats()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .School("south", northKm: -3)
            .Offer("metal", "north", min: 1, open: 2)
            .Pupils(5, "south", "metal")
            .Docent("de-vries", "north", "metal")
            .Build();

        var solved = problem.SolveOrFail();

        var luckiest = solved.Allocation.Lottery.OrderBy(t => t.Number).Take(2).Select(t => t.Pupil.Value).Order();
        Assert.Equal(luckiest, solved.Allocation.Placements.Select(p => p.Pupil.Value).Order());
    }

    [Fact]
    public void Progress_is_reported_for_every_tier_and_cancellation_still_returns_a_valid_plan()
    {
        var reports = new List<SolveProgress>();
        var progress = new SynchronousProgress<SolveProgress>(reports.Add);

        var outcome = AllocationSolver.Solve(Contended(), SolverTestExtensions.Reproducible, progress);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var stopped = AllocationSolver.Solve(Contended(), SolverTestExtensions.Reproducible, null, cancelled.Token);

        Assert.IsType<SolveOutcome.Solved>(outcome);
        Assert.Contains(reports, r => r.Tier == "placement+preference");
        Assert.Contains(reports, r => r.Tier == "priority");
        var cancelledRun = Assert.IsType<SolveOutcome.Solved>(stopped);
        Assert.Equal(SolveStatus.Cancelled, cancelledRun.Status);
    }

    [Fact]
    public void Each_tier_reports_its_final_result_when_it_ends()
    {
        var reports = new List<SolveProgress>();

        var outcome = Assert.IsType<SolveOutcome.Solved>(
            AllocationSolver.Solve(Contended(), SolverTestExtensions.Reproducible, new SynchronousProgress<SolveProgress>(reports.Add)));

        var ended = reports.Where(r => r.EndedTier is not null).ToList();
        Assert.Equal(outcome.Statistics.Tiers, ended.Select(r => r.EndedTier!));
        Assert.All(ended, r => Assert.Equal((r.EndedTier!.Objective, r.EndedTier.BestBound, r.EndedTier.Gap), (r.Objective, r.BestBound, r.Gap)));
    }

    [Fact]
    public void The_first_greedy_plan_is_reported_as_a_first_tier_incumbent_before_the_search()
    {
        var reports = new List<SolveProgress>();

        var outcome = Assert.IsType<SolveOutcome.Solved>(
            AllocationSolver.Solve(Contended(), SolverTestExtensions.Reproducible, new SynchronousProgress<SolveProgress>(reports.Add)));

        var first = reports[0];
        var firstTier = outcome.Statistics.Tiers[0];
        Assert.Equal((firstTier.Tier, 1, outcome.Statistics.Tiers.Length), (first.Tier, first.TierNumber, first.TierCount));
        Assert.Null(first.EndedTier);
        Assert.InRange(first.Objective, firstTier.Objective, long.MaxValue);
        Assert.InRange(first.BestBound, 0, firstTier.Objective);
        Assert.InRange(outcome.Statistics.TimeToFirstSolution, TimeSpan.Zero, first.Elapsed);
    }

    [Theory]
    [InlineData(ObjectiveMode.Lexicographic)]
    [InlineData(ObjectiveMode.Weighted)]
    public void The_first_plans_objective_is_counted_in_the_units_of_the_first_tier(ObjectiveMode mode)
    {
        var problem = WithMode(mode);

        var outcome = problem.SolveOrFail();

        // Reproducible mode proves tier 1 optimal, and the later tiers keep it: the plan's value is that optimum.
        Assert.True(outcome.Statistics.Tiers[0].IsProvenOptimal);
        Assert.Equal(outcome.Statistics.Tiers[0].Objective, AllocationSolver.FirstTierValue(problem, outcome.Allocation));
    }

    [Fact]
    public void Rank_maximal_gives_more_first_choices_where_the_convex_costs_prefer_two_second_choices()
    {
        // One seat per offer. Convex costs (0, 1, 3): a 1st and two 2nds (cost 2) beat two 1sts and a 3rd (cost 3);
        // rank-maximal takes the two first choices.
        var problem = new ProblemBuilder()
            .School("north")
            .Offer("a", "north", min: 1, max: 1)
            .Offer("b", "north", min: 1, max: 1)
            .Offer("c", "north", min: 1, max: 1)
            .Pupils(1, "north", "a", "b", "c")
            .Pupils(1, "north", "b", "c", "a")
            .Pupils(1, "north", "a", "b", "c")
            .Docent("d1", "north", "a", "b", "c")
            .Docent("d2", "north", "a", "b", "c")
            .Docent("d3", "north", "a", "b", "c")
            .Build();
        var rankMaximal = problem with { Rules = problem.Rules with { Objective = problem.Rules.Objective with { RankMaximal = true } } };

        var convex = problem.SolveOrFail();
        var greedy = rankMaximal.SolveOrFail();

        static int[] Profile(SolveOutcome.Solved s) => [.. Enumerable.Range(1, 3).Select(r => s.Allocation.Placements.Count(p => p.Rank == r))];
        Assert.Equal([1, 2, 0], Profile(convex));
        Assert.Equal([2, 0, 1], Profile(greedy));
        Assert.Equal(SolveStatus.Optimal, greedy.Status);
        Assert.Equal(
            ["placement+rank-1", "rank-2", "rank-3", "rank-4", "rank-5", "travel", "staffing", "priority"],
            greedy.Statistics.Tiers.Select(t => t.Tier));
        Assert.Equal([-2L, 0L, -1L], greedy.Statistics.Tiers.Take(3).Select(t => t.Objective));
    }

    [Theory]
    [InlineData(ObjectiveMode.Lexicographic, false, false)]
    [InlineData(ObjectiveMode.Lexicographic, true, false)]
    [InlineData(ObjectiveMode.Weighted, false, false)]
    [InlineData(ObjectiveMode.Lexicographic, false, true)]
    [InlineData(ObjectiveMode.Lexicographic, true, true)]
    public void The_tier_names_known_before_the_model_are_the_models_tiers(ObjectiveMode mode, bool replan, bool rankMaximal)
    {
        var problem = WithMode(mode);
        problem = problem with { Rules = problem.Rules with { Objective = problem.Rules.Objective with { RankMaximal = rankMaximal } } };
        var baseline = replan ? new Sto.Scheduler.Engine.Modeling.ReplanBaseline(new Dictionary<PupilId, (OfferId, int)>(), new HashSet<PupilId>()) : null;

        var model = Sto.Scheduler.Engine.Modeling.AllocationModelBuilder.Build(problem, Sto.Scheduler.Engine.Feasibility.ProblemIndex.Build(problem), baseline);

        Assert.Equal(model.Tiers.Select(t => t.Name), Sto.Scheduler.Engine.Modeling.AllocationModelBuilder.TierNamesOf(problem.Rules.Objective, replan));
    }

    private static SchedulingProblem WithMode(ObjectiveMode mode)
    {
        var problem = Contended();
        return problem with { Rules = problem.Rules with { Objective = problem.Rules.Objective with { Mode = mode } } };
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
