using Sto.Scheduler.Engine.Decoding;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;
using static Sto.Scheduler.Engine.Tests.Support.CheckerScenario;

namespace Sto.Scheduler.Engine.Tests.Decoding;

public sealed class ObjectiveCalculatorTests
{
    // N = 15 pupils; maxCost = 15 (default rank costs), U = 16 (unplaced); OwnBonus = 16 × 15 × 16 + 1.
    private const long OwnBonus = 3841;
    private const long Unplaced = 16;

    [Fact]
    public void ObjectiveCalculator_counts_the_one_unplaced_pupil()
    {
        Assert.Equal(1, ObjectiveCalculator.Calculate(Problem(), Allocation()).Placement);
    }

    [Fact]
    public void ObjectiveCalculator_sums_the_rank_costs_of_the_placements()
    {
        // Thirteen first choices cost 0; s6 at rank 2 costs 1.
        Assert.Equal(1, ObjectiveCalculator.Calculate(Problem(), Allocation()).Preference);
    }

    [Fact]
    public void ObjectiveCalculator_adds_bus_cost_and_round_trip_minutes_for_travel()
    {
        // 3 buses × 120; n1..n8 bike 2 × 12 to the hotspot in W16 = 8 × 24;
        // s5 and s6 by bus 2 × 25 in W14 and W15 and 2 × 20 in W16 = 2 × 140; wood is on site.
        const long expected = (3 * 120) + (8 * 24) + (2 * 140);

        Assert.Equal(expected, ObjectiveCalculator.Calculate(Problem(), Allocation()).Travel);
        Assert.Equal(832, expected);
    }

    [Fact]
    public void ObjectiveCalculator_counts_staff_afternoons_and_group_afternoons_for_staffing()
    {
        // metal: 1 + 1 + 2 staff, wood: 3 × 1 staff = 7; two groups meeting 3 weeks each = 6 group-afternoons.
        Assert.Equal(13, ObjectiveCalculator.Calculate(Problem(), Allocation()).Staffing);

        var problem = Problem().WithScenarioRules(r => r with { Objective = r.Objective with { GroupCostInStaffAfternoons = 3 } });
        Assert.Equal(7 + (3 * 6), ObjectiveCalculator.Calculate(problem, Allocation()).Staffing);
    }

    [Fact]
    public void ObjectiveCalculator_rewards_own_pupils_on_reserved_seats_then_the_lottery()
    {
        var lottery = LotteryDraw.Draw(Problem());

        var priority = ObjectiveCalculator.Calculate(Problem(), Allocation()).Priority;

        // Own seats used: metal min(8, 8) + wood min(4, 4) = 12; s6 at rank 2 costs 1 × (N + 1 − lottery);
        // s7 is unplaced and costs U × (N + 1 − lottery); everyone else is at rank 1 (cost 0).
        Assert.Equal((-OwnBonus * 12) + (16 - lottery[new PupilId("s6")]) + (Unplaced * (16 - lottery[new PupilId("s7")])), priority);
    }

    [Fact]
    public void ObjectiveCalculator_caps_the_own_pupil_bonus_at_the_reserved_seats()
    {
        var problem = Problem().WithOffer("metal", o => o with { OwnPupilSeats = 5 });
        var lottery = LotteryDraw.Draw(problem);

        var priority = ObjectiveCalculator.Calculate(problem, Allocation()).Priority;

        Assert.Equal((-OwnBonus * (5 + 4)) + (16 - lottery[new PupilId("s6")]) + (Unplaced * (16 - lottery[new PupilId("s7")])), priority);
    }

    [Fact]
    public void ObjectiveCalculator_uses_the_largest_rank_cost_in_the_own_bonus()
    {
        var problem = Problem().WithScenarioRules(r => r with { Objective = r.Objective with { RankCosts = [0, 4, 9] } });
        var lottery = LotteryDraw.Draw(problem);

        var values = ObjectiveCalculator.Calculate(problem, Allocation());

        Assert.Equal(4, values.Preference);
        Assert.Equal((-((10L * 15 * 16) + 1) * 12) + (4 * (16 - lottery[new PupilId("s6")])) + (10 * (16 - lottery[new PupilId("s7")])), values.Priority);
    }

    [Fact]
    public void ObjectiveCalculator_weighs_the_first_four_tiers_in_weighted_mode()
    {
        var values = ObjectiveCalculator.Calculate(Problem(), Allocation());

        // 1000 × 1 + 10 × 1 + 1 × 832 + 5 × 13.
        Assert.Equal(1907, values.Weighted(new ObjectiveSettings()));
        Assert.Equal(1 + 1 + 832 + 13, values.Weighted(new ObjectiveSettings { UnplacedWeight = 1, PreferenceWeight = 1, StaffingWeight = 1 }));
    }

    [Fact]
    public void TierValues_weighted_throws_on_overflow_instead_of_wrapping()
    {
        var values = new TierValues(long.MaxValue / 2, 0, 0, 0, 0);

        Assert.Throws<OverflowException>(() => values.Weighted(new ObjectiveSettings()));
    }

    [Fact]
    public void ObjectiveCalculator_of_an_empty_allocation_counts_every_pupil_unplaced()
    {
        var values = ObjectiveCalculator.Calculate(Problem(), new Allocation());

        // Every pupil unplaced: Σ (N + 1 − lottery) × U = U × (1 + … + 15).
        Assert.Equal(new TierValues(15, 0, 0, 0, Unplaced * 120), values);
    }
}
