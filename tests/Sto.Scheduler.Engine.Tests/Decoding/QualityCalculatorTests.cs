using Sto.Scheduler.Engine.Decoding;
using Sto.Scheduler.Engine.Domain;
using static Sto.Scheduler.Engine.Tests.Support.CheckerScenario;

namespace Sto.Scheduler.Engine.Tests.Decoding;

public sealed class QualityCalculatorTests
{
    private static readonly AllocationQuality Quality = QualityCalculator.Calculate(Problem(), Allocation());

    [Fact]
    public void QualityCalculator_counts_pupils_and_ranks_over_all_pupils()
    {
        Assert.Equal((15, 14, 1), (Quality.PupilCount, Quality.PlacedCount, Quality.UnplacedCount));
        Assert.Equal([13, 1], Quality.PlacementsByRank.ToArray());
        Assert.Equal(13.0 / 15, Quality.FirstChoiceRate, 12);
        Assert.Equal(14.0 / 15, Quality.TopThreeRate, 12);
        Assert.Equal(2, Quality.WorstRank);
        Assert.Equal(1, Quality.RankCost);
    }

    [Fact]
    public void QualityCalculator_reports_each_school_in_id_order()
    {
        Assert.Equal(["north", "south"], Quality.Schools.Select(s => s.School.Value));

        var north = Quality.Schools[0];
        Assert.Equal((8, 8, 8, 1.0, 1.0), (north.PupilCount, north.PlacedCount, north.FirstChoiceCount, north.FirstChoiceRate, north.MeanRank));

        var south = Quality.Schools[1];
        Assert.Equal((7, 6, 5), (south.PupilCount, south.PlacedCount, south.FirstChoiceCount));
        Assert.Equal(5.0 / 7, south.FirstChoiceRate, 12);
        Assert.Equal(7.0 / 6, south.MeanRank, 12);
    }

    [Fact]
    public void QualityCalculator_reports_groups_staff_buses_and_travel_as_the_tiers_count_them()
    {
        Assert.Equal(2, Quality.RunningGroups);
        Assert.Equal(14.0 / 31, Quality.GroupFillRate, 12);
        Assert.Equal(7, Quality.StaffAfternoons);
        Assert.Equal(3, Quality.BusAfternoons);
        Assert.Equal(472, Quality.TravelMinutes);
        Assert.Equal(10, Quality.ExternalPlacements);
    }

    [Fact]
    public void QualityCalculator_agrees_with_the_travel_and_staffing_tiers()
    {
        var tiers = ObjectiveCalculator.Calculate(Problem(), Allocation());
        var objective = Problem().Rules.Objective;

        Assert.Equal(tiers.Travel, (objective.BusCostInTravelMinutes * Quality.BusAfternoons) + Quality.TravelMinutes);
        Assert.Equal(tiers.Staffing, Quality.StaffAfternoons + (objective.GroupCostInStaffAfternoons * 6));
        Assert.Equal(tiers.Preference, Quality.RankCost);
        Assert.Equal(tiers.Placement, Quality.UnplacedCount);
    }

    [Fact]
    public void QualityCalculator_reports_the_robot_offer_as_a_near_miss_three_pupils_short()
    {
        // n1 and n2 ranked robot 2nd, s7 ranked it 1st; all three could take it.
        var miss = Assert.Single(Quality.NearMisses);

        Assert.Equal(1, Quality.ClosedOffers);
        Assert.Equal(("robot", 6, 3, 1, 3), (miss.Offer.Value, miss.MinGroupSize, miss.InterestedPupils, miss.FirstChoicePupils, miss.ShortBy));
    }

    [Fact]
    public void QualityCalculator_leaves_pupils_who_cannot_take_the_offer_out_of_a_near_miss()
    {
        var problem = Problem().WithPupil("n1", p => p with { CompletedElectives = ["PIE-ROBOT"] });

        var miss = Assert.Single(QualityCalculator.Calculate(problem, Allocation()).NearMisses);

        Assert.Equal((2, 4), (miss.InterestedPupils, miss.ShortBy));
    }

    [Fact]
    public void QualityCalculator_orders_near_misses_by_shortfall_then_offer_id()
    {
        var misses = QualityCalculator.Calculate(Problem(), new Allocation()).NearMisses;

        // metal: 10 interested (8 north + s5, s6), min 6; wood: s1..s6 are all from south, min 4; robot 3 short.
        Assert.Equal(["metal", "wood", "robot"], misses.Select(m => m.Offer.Value));
        Assert.Equal([0, 0, 3], misses.Select(m => m.ShortBy));
        Assert.Equal([10, 6, 3], misses.Select(m => m.InterestedPupils));
        Assert.Equal([9, 5, 1], misses.Select(m => m.FirstChoicePupils));
    }

    [Fact]
    public void QualityCalculator_of_an_empty_problem_reports_zeroes_without_dividing_by_zero()
    {
        var quality = QualityCalculator.Calculate(new SchedulingProblem(), new Allocation());

        Assert.Equal((0, 0.0, 0.0, 0.0, 0), (quality.PupilCount, quality.FirstChoiceRate, quality.TopThreeRate, quality.GroupFillRate, quality.WorstRank));
        Assert.Empty(quality.PlacementsByRank);
        Assert.Empty(quality.NearMisses);
    }
}
