using Sto.Scheduler.Engine.Solving;

namespace Sto.Scheduler.Engine.Tests.Solving;

/// <summary>How a tier ends when the start plan, CP-SAT, the MIP companion and a known bound each have something to say.</summary>
public sealed class TierOutcomeTests
{
    private static readonly long[] CpValues = [1, 0];
    private static readonly long[] MipValues = [0, 1];

    private static FoundPlan CpSat(long objective, long bound) => new(objective, CpValues, bound, 2.5);

    private static MipCompanionResult Mip(long? objective, long? bound) =>
        new() { Status = "OPTIMAL", Objective = objective, Solution = objective is null ? null : MipValues, Bound = bound };

    [Fact]
    public void A_better_companion_plan_is_taken_with_the_best_bound()
    {
        var outcome = TierOutcome.Combine(startValue: 900, CpSat(800, 700), Mip(760, 750), known: null)!;

        Assert.Same(MipValues, outcome.NewValues);
        Assert.Equal((760L, 750L, "cbc"), (outcome.Objective, outcome.Bound, outcome.BoundSource));
        Assert.Equal(2.5, outcome.DeterministicTime);
    }

    [Fact]
    public void The_companion_bound_proves_a_cp_sat_plan_and_is_capped_at_its_value()
    {
        var outcome = TierOutcome.Combine(startValue: null, CpSat(800, 700), Mip(810, 805), known: null)!;

        Assert.Same(CpValues, outcome.NewValues);
        Assert.Equal((800L, 800L, "cbc"), (outcome.Objective, outcome.Bound, outcome.BoundSource));
        Assert.True(outcome.IsProvenOptimal);
        Assert.Equal(0, outcome.Gap);
    }

    [Fact]
    public void On_a_tie_the_plan_the_tier_started_from_is_kept()
    {
        var outcome = TierOutcome.Combine(startValue: 800, CpSat(800, 790), Mip(800, 780), known: null)!;

        Assert.Null(outcome.NewValues);
        Assert.Equal((800L, 790L, "cp-sat"), (outcome.Objective, outcome.Bound, outcome.BoundSource));
    }

    [Fact]
    public void A_rejected_companion_plan_is_ignored_but_its_bound_still_counts()
    {
        var outcome = TierOutcome.Combine(startValue: null, CpSat(800, 700), Mip(objective: null, bound: 790), known: null)!;

        Assert.Same(CpValues, outcome.NewValues);
        Assert.Equal((790L, "cbc"), (outcome.Bound, outcome.BoundSource));
    }

    [Fact]
    public void A_known_bound_wins_when_it_is_the_highest()
    {
        var outcome = TierOutcome.Combine(startValue: null, CpSat(800, 700), Mip(null, 710), known: 750)!;

        Assert.Equal((750L, "known"), (outcome.Bound, outcome.BoundSource));
    }

    [Fact]
    public void A_plan_without_any_bound_has_a_huge_gap_not_a_wrapped_around_zero()
    {
        var outcome = TierOutcome.Combine(startValue: null, cpSat: null, Mip(760, bound: null), known: null)!;

        Assert.Equal((760L, long.MinValue, "none"), (outcome.Objective, outcome.Bound, outcome.BoundSource));
        Assert.True(outcome.Gap > 1);
        Assert.False(outcome.IsProvenOptimal);
    }

    [Fact]
    public void Without_any_plan_there_is_no_outcome()
    {
        Assert.Null(TierOutcome.Combine(startValue: null, cpSat: null, Mip(null, 700), known: 650));
    }
}
