using System.Diagnostics;
using Google.OrTools.Sat;
using Sto.Scheduler.Engine.Modeling;
using Sto.Scheduler.Engine.Solving;
using Sto.Scheduler.Engine.Tests.Modeling;
using Sto.Scheduler.Engine.Tests.Support;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Engine.Tests.Solving;

public sealed class MipCompanionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static MipCompanion Start(CpModelProto model)
    {
        var companion = MipCompanion.TryStart(model, TimeSpan.FromSeconds(10), 0, Stopwatch.StartNew());
        Assert.NotNull(companion); // tests of this class run one after another, and each waits for its companion
        return companion;
    }

    [Fact]
    public async Task Cbc_returns_a_checked_optimal_plan_and_a_bound_no_higher_than_it()
    {
        var model = CpModelToMipTests.Mixed();

        using var companion = Start(model.Model);
        var result = await companion.Done.WaitAsync(Wait);

        Assert.Equal("OPTIMAL", result.Status);
        Assert.False(MipCompanion.IsBusy); // the slot is free before the result is seen
        Assert.Equal(-8, result.Objective);
        Assert.NotNull(result.Solution);
        Assert.Empty(CpModelChecker.Violations(model.Model, result.Solution));
        Assert.True(result.Bound <= result.Objective);
        Assert.Contains("cbc OPTIMAL", result.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_infeasible_model_gives_neither_bound_nor_plan()
    {
        var model = new CpModel();
        var x = model.NewIntVar(0, 5, "x");
        model.Add(x >= 7);
        model.Minimize(x);

        using var companion = Start(model.Model);
        var result = await companion.Done.WaitAsync(Wait);

        Assert.Null(result.Bound);
        Assert.Null(result.Solution);
        Assert.NotEqual("OPTIMAL", result.Status);
    }

    [Fact]
    public async Task A_model_the_translation_cannot_read_ends_as_a_failure_status_not_an_exception()
    {
        var model = new CpModel();
        model.NewIntVarFromDomain(Google.OrTools.Util.Domain.FromValues([0, 2, 5]), "gappy");
        model.Minimize(LinearExpr.Constant(0));

        using var companion = Start(model.Model);
        var result = await companion.Done.WaitAsync(Wait);

        Assert.StartsWith("failed:", result.Status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stopped_companion_still_completes()
    {
        using var companion = Start(CpModelToMipTests.Mixed().Model);
        companion.Stop();

        await companion.Done.WaitAsync(Wait);
    }

    [Fact]
    public async Task The_snapshot_is_taken_at_start_so_later_changes_to_the_model_do_not_reach_cbc()
    {
        var model = CpModelToMipTests.Mixed();
        using var companion = Start(model.Model);
        model.AddBoolOr([]); // infeasible, were CBC to see it

        var result = await companion.Done.WaitAsync(Wait);
        Assert.Equal("OPTIMAL", result.Status);
    }

    [Fact]
    public void In_a_solve_the_first_tier_reports_the_companion_and_reaches_the_same_optimum_with_a_valid_plan()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .School("south", northKm: -3)
            .Offer("metal", "north", min: 4, max: 10)
            .Offer("wood", "south", min: 4, max: 10)
            .Pupils(12, "north", "metal", "wood")
            .Pupils(8, "south", "wood", "metal")
            .Docent("de-vries", "north", "metal", "wood")
            .Docent("bakker", "south", "metal", "wood")
            .Build();
        var withCompanion = SolverSettings.Default with { TimeLimit = TimeSpan.FromSeconds(20), MipCompanionMinPairs = 0, MipCompanionMinSeconds = 0, RelativeGapLimit = 0 };

        var solved = problem.SolveOrFail(withCompanion);
        var reference = problem.SolveOrFail();

        var first = solved.Statistics.Tiers[0];
        Assert.StartsWith("cbc OPTIMAL", first.Companion, StringComparison.Ordinal);
        Assert.Null(solved.Statistics.Tiers[1].Companion);
        Assert.Equal(reference.Statistics.Tiers[0].Objective, first.Objective);
        Assert.True(first.IsProvenOptimal);
        Assert.Empty(AllocationChecker.Check(problem, solved.Allocation));
    }

    [Theory]
    [InlineData(false, 2, 0)]
    [InlineData(true, 1, 0)]
    [InlineData(true, 2, 40)] // a 10 s run's first tier is too short for CBC
    public void The_companion_stays_out_when_switched_off_with_one_worker_or_in_a_short_tier(bool enabled, int workers, double minSeconds)
    {
        var problem = new ProblemBuilder()
            .School("north")
            .Offer("metal", "north", min: 2, max: 10)
            .Pupils(5, "north", "metal")
            .Docent("de-vries", "north", "metal")
            .Build();
        var settings = SolverSettings.Default with
        {
            TimeLimit = TimeSpan.FromSeconds(10), MipCompanionMinPairs = 0, MipCompanionMinSeconds = minSeconds, MipCompanion = enabled, Workers = workers,
        };

        var solved = problem.SolveOrFail(settings);

        Assert.All(solved.Statistics.Tiers, t => Assert.Null(t.Companion));
    }
}
