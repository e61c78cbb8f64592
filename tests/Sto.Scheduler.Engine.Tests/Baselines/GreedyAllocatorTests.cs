using Sto.Scheduler.Engine.Baselines;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Tests.Support;

namespace Sto.Scheduler.Engine.Tests.Baselines;

public sealed class GreedyAllocatorTests
{
    [Fact]
    public void GreedyAllocator_gives_the_last_seat_to_the_first_comer_and_the_later_pupil_their_second_choice()
    {
        var problem = TwoOffers(weldSeats: 2)
            .Pupil("p1", "north", "weld", "wood")
            .Pupil("p2", "north", "weld", "wood")
            .Pupil("p3", "north", "weld", "wood")
            .Build();

        var allocation = Allocate(problem, "p3", "p1", "p2");

        Assert.Equal(("weld", 1), PlacementOf(allocation, "p3"));
        Assert.Equal(("weld", 1), PlacementOf(allocation, "p1"));
        Assert.Equal(("wood", 2), PlacementOf(allocation, "p2"));
    }

    [Fact]
    public void GreedyAllocator_closes_an_offer_short_of_its_minimum_and_moves_its_pupils_to_their_second_choice()
    {
        var problem = TwoOffers()
            .Offer("robots", "north-lab", host: "north", min: 3)
            .Docent("bakker", "north", "robots")
            .Pupils("r", 2, "north", "robots", "wood")
            .Pupils("w", 3, "north", "wood")
            .Build();

        var allocation = Allocate(problem);

        Assert.DoesNotContain(allocation.Groups, g => g.Offer.Value == "robots");
        Assert.Equal(("wood", 2), PlacementOf(allocation, "r-01"));
        Assert.Equal(("wood", 2), PlacementOf(allocation, "r-02"));
        Assert.Empty(allocation.Unplaced);
    }

    [Fact]
    public void GreedyAllocator_lets_a_refused_pupil_try_again_when_a_small_group_closes_and_frees_its_docent()
    {
        var problem = new GreedyScenario()
            .School("north")
            .Offer("robots", "north-lab", host: "north", min: 2)
            .Offer("wood", "north-lab", host: "north")
            .Docent("de-vries", "north", "robots", "wood")
            .Pupil("p1", "north", "robots")
            .Pupil("p2", "north", "wood")
            .Build();

        var allocation = Allocate(problem, "p1", "p2");

        Assert.Equal(("wood", 1), PlacementOf(allocation, "p2"));
        Assert.Equal("capacity", Assert.Single(allocation.Unplaced).Reason);
    }

    [Fact]
    public void GreedyAllocator_closes_a_parallel_group_below_the_minimum_and_keeps_group_numbers_from_one()
    {
        var problem = TwoOffers()
            .Offer("metal", "north-lab", host: "north", min: 6, parallel: 2)
            .Docent("bakker", "north", "metal")
            .Docent("smit", "north", "metal")
            .Pupils("p", 16, "north", "metal", "wood")
            .Build();

        var allocation = Allocate(problem);

        var metal = Assert.Single(allocation.Groups, g => g.Offer.Value == "metal");
        Assert.Equal(1, metal.Group);
        Assert.Equal(15, metal.Pupils.Length);
        Assert.Equal(("wood", 2), PlacementOf(allocation, "p-16"));
    }

    [Fact]
    public void GreedyAllocator_opens_the_next_parallel_group_when_the_first_is_full()
    {
        var problem = TwoOffers()
            .Offer("metal", "north-lab", host: "north", max: 4, parallel: 2)
            .Docent("bakker", "north", "metal")
            .Docent("smit", "north", "metal")
            .Pupils("p", 6, "north", "metal")
            .Build();

        var allocation = Allocate(problem);

        Assert.Equal([1, 2], allocation.Groups.Where(g => g.Offer.Value == "metal").Select(g => g.Group));
        Assert.Equal(2, PlacementGroupOf(allocation, "p-05"));
        Assert.Empty(allocation.Unplaced);
    }

    [Fact]
    public void GreedyAllocator_reports_no_feasible_choice_apart_from_capacity()
    {
        var problem = TwoOffers(weldSeats: 1)
            .Pupil("p1", "north", "weld")
            .Pupil("p2", "north", "weld")
            .PupilWith(new Pupil { Id = new PupilId("tl"), School = new SchoolId("north"), Path = LearningPath.Theoretical }, "weld")
            .Build();

        var allocation = Allocate(problem);

        Assert.Equal("capacity", allocation.Unplaced.Single(u => u.Pupil.Value == "p2").Reason);
        Assert.Equal("no-feasible-choice", allocation.Unplaced.Single(u => u.Pupil.Value == "tl").Reason);
    }

    [Fact]
    public void GreedyAllocator_places_pupils_missing_from_the_arrival_order_last_and_ignores_unknown_ids()
    {
        var problem = TwoOffers(weldSeats: 1)
            .Pupil("p1", "north", "weld")
            .Pupil("p2", "north", "weld")
            .Build();

        var allocation = Allocate(problem, "ghost", "p2", "p2");

        Assert.Equal(("weld", 1), PlacementOf(allocation, "p2"));
        Assert.Equal("p1", Assert.Single(allocation.Unplaced).Pupil.Value);
    }

    internal static GreedyScenario TwoOffers(int weldSeats = 15) => new GreedyScenario()
        .School("north")
        .School("south", eastKm: 3)
        .Offer("weld", "north-lab", host: "north", max: weldSeats)
        .Offer("wood", "north-lab", host: "north")
        .Docent("de-vries", "north", "weld")
        .Docent("jansen", "north", "wood");

    internal static Allocation Allocate(SchedulingProblem problem, params string[] order)
    {
        var ids = order.Length > 0 ? order.Select(id => new PupilId(id)).ToArray() : problem.Pupils.Select(p => p.Id).ToArray();
        var allocation = GreedyAllocator.Allocate(problem, ids);
        GreedyScenario.AssertKeyHardRules(problem, allocation);
        return allocation;
    }

    internal static (string Offer, int Rank) PlacementOf(Allocation allocation, string pupil)
    {
        var placement = Assert.Single(allocation.Placements, p => p.Pupil.Value == pupil);
        return (placement.Offer.Value, placement.Rank);
    }

    internal static int PlacementGroupOf(Allocation allocation, string pupil) =>
        Assert.Single(allocation.Placements, p => p.Pupil.Value == pupil).Group;
}
