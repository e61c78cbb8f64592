using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Engine.DemoData;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Grpc.Errors;
using Sto.Scheduler.Grpc.Mapping;

namespace Sto.Scheduler.Grpc.Tests.Mapping;

/// <summary>A subregion's preference policy (rules.rank_costs, rules.rank_maximal): checked when written, handed to the engine when run.</summary>
public sealed class RankCostsTests
{
    private static ProblemSources Demo(Action<AllocationRules> change)
    {
        var (subregion, sources) = DemoMapping.ToResources(DemoSubregionGenerator.Generate(DemoParameters.Subregion(1)), "regions/r/subregions/s");
        change(subregion.Rules);
        return sources with { Subregion = subregion };
    }

    [Fact]
    public void The_subregion_rank_costs_become_the_objective_of_a_run()
    {
        var sources = Demo(r =>
        {
            r.RankCosts.Clear();
            r.RankCosts.Add([0, 100, 101, 102, 103, 104]);
        });

        var problem = ProblemMapping.ToDomain(sources, []);

        Assert.Equal([0, 100, 101, 102, 103, 104], problem.Rules.Objective.RankCosts.ToArray());
    }

    [Fact]
    public void Rank_maximal_preference_set_on_the_subregion_reaches_the_run_and_is_off_by_default()
    {
        var on = ProblemMapping.ToDomain(Demo(r => r.RankMaximal = true), []);
        var off = ProblemMapping.ToDomain(Demo(_ => { }), []);

        Assert.True(on.Rules.Objective.RankMaximal);
        Assert.False(off.Rules.Objective.RankMaximal);
    }

    [Fact]
    public void Without_rank_costs_a_run_uses_the_default_convex_costs()
    {
        var problem = ProblemMapping.ToDomain(Demo(r => r.RankCosts.Clear()), []);

        Assert.Equal(new ObjectiveSettings().RankCosts.ToArray(), problem.Rules.Objective.RankCosts.ToArray());
    }

    [Fact]
    public void The_demo_subregion_states_its_rank_costs_and_they_survive_the_round_trip()
    {
        var generated = DemoSubregionGenerator.Generate(DemoParameters.Subregion(1));
        var (subregion, sources) = DemoMapping.ToResources(generated, "regions/r/subregions/s");

        Assert.Equal(generated.Rules.Objective.RankCosts.ToArray(), subregion.Rules.RankCosts.ToArray());
        Assert.Equal(generated.Rules.Objective.RankCosts.ToArray(), ProblemMapping.ToDomain(sources, []).Rules.Objective.RankCosts.ToArray());
    }

    [Theory]
    [InlineData(new[] { 0, 1, 3 }, new string[0])]
    [InlineData(new[] { 0, 5, 3, 6 }, new[] { "s.rules.rank_costs[2]" })]
    [InlineData(new[] { -1, 0 }, new[] { "s.rules.rank_costs[0]" })]
    [InlineData(new[] { 0, 10_001 }, new[] { "s.rules.rank_costs[1]" })]
    [InlineData(new[] { 0, 2, 1, 10_001 }, new[] { "s.rules.rank_costs[2]", "s.rules.rank_costs[3]" })]
    public void Rank_costs_are_checked_when_written(int[] costs, string[] fields)
    {
        var subregion = new Subregion { Rules = new AllocationRules { RankCosts = { costs } } };
        var violations = new FieldViolations();

        ResourceValidation.Subregion(subregion, "s", violations);

        Assert.Equal(fields, violations.Items.Select(i => i.Field));
    }

    [Fact]
    public void More_than_twenty_rank_costs_are_refused_as_a_whole()
    {
        var subregion = new Subregion { Rules = new AllocationRules { RankCosts = { Enumerable.Range(0, 21) } } };
        var violations = new FieldViolations();

        ResourceValidation.Subregion(subregion, "s", violations);

        var violation = Assert.Single(violations.Items);
        Assert.Equal("s.rules.rank_costs", violation.Field);
        Assert.Contains("At most 20", violation.Description, StringComparison.Ordinal);
    }
}
