using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;
using Sto.Scheduler.Engine.Tests.Support;
using static Sto.Scheduler.Engine.Tests.Baselines.GreedyAllocatorTests;

namespace Sto.Scheduler.Engine.Tests.Baselines;

public sealed class GreedyAllocatorResourceTests
{
    [Fact]
    public void GreedyAllocator_keeps_a_company_hotspot_within_its_capacity_in_the_week_it_is_smaller()
    {
        static string HotspotInWeekThree(int week) => week == 3 ? "hotspot" : "north-lab";
        var problem = TwoOffers()
            .Venue("hotspot", eastKm: 2, capacity: 10, school: null, (3, 5))
            .Offer("pipes", "north-lab", host: "north", venueByWeek: HotspotInWeekThree)
            .Offer("cables", "north-lab", host: "north", venueByWeek: HotspotInWeekThree)
            .Docent("bakker", "north", "pipes")
            .Docent("smit", "north", "cables")
            .Pupils("a", 3, "north", "pipes", "wood")
            .Pupils("b", 3, "north", "cables", "wood")
            .Build();

        var allocation = Allocate(problem);

        Assert.Equal(3, allocation.Placements.Count(p => p.Offer.Value == "pipes"));
        Assert.Equal(2, allocation.Placements.Count(p => p.Offer.Value == "cables"));
        Assert.Equal(("wood", 2), PlacementOf(allocation, "b-03"));
    }

    [Fact]
    public void GreedyAllocator_gives_pupils_of_other_schools_no_more_than_the_open_seats()
    {
        var problem = new GreedyScenario()
            .School("north")
            .School("south", eastKm: 3)
            .Offer("weld", "north-lab", host: "north", openSeats: 2)
            .Offer("wood", "south-lab", host: "south")
            .Docent("de-vries", "north", "weld")
            .Docent("jansen", "south", "wood")
            .Pupils("s", 4, "south", "weld", "wood")
            .Pupils("n", 2, "north", "weld")
            .Build();

        var allocation = Allocate(problem);

        Assert.Equal(["n-01", "n-02", "s-01", "s-02"], PupilsIn(allocation, "weld"));
        Assert.Equal(["s-03", "s-04"], PupilsIn(allocation, "wood"));
    }

    [Fact]
    public void GreedyAllocator_runs_no_more_groups_in_a_week_than_there_are_kits()
    {
        var problem = TwoOffers()
            .Kit("drone-kit", 1)
            .Offer("drones", "north-lab", host: "north", max: 2, parallel: 2, kit: "drone-kit")
            .Offer("rockets", "north-lab", host: "north", kit: "drone-kit")
            .Docent("bakker", "north", "drones")
            .Docent("smit", "north", "drones", "rockets")
            .Pupils("a", 3, "north", "drones", "wood")
            .Pupils("b", 2, "north", "rockets", "wood")
            .Build();

        var allocation = Allocate(problem);

        Assert.Equal(["a-01", "a-02"], PupilsIn(allocation, "drones"));
        Assert.Equal(["a-03", "b-01", "b-02"], PupilsIn(allocation, "wood"));
    }

    [Fact]
    public void GreedyAllocator_orders_one_bus_per_week_for_pupils_beyond_the_bike_threshold()
    {
        var problem = TwoOffers()
            .School("far", eastKm: 10)
            .Rules(r => r with { BusSeatCount = 2 })
            .Pupils("f", 3, "far", "weld")
            .Pupil("n", "north", "weld")
            .Build();
        var trip = ProblemIndex.Build(problem).Travel.PupilTrip(new SchoolId("far"), new VenueId("north-lab"));

        var allocation = Allocate(problem);

        Assert.Equal(TravelMode.Bus, trip.Mode);
        Assert.Equal(3, allocation.BusTrips.Length);
        Assert.All(allocation.BusTrips, bus =>
        {
            Assert.Equal(("far", "north-lab", 3, 2), (bus.FromSchool.Value, bus.ToVenue.Value, bus.PupilCount, bus.BusCount));
            Assert.Equal(new TimeOnly(13, 30).AddMinutes(-trip.Minutes), bus.Departure);
            Assert.Equal(new TimeOnly(15, 30), bus.ReturnDeparture);
        });
    }

    [Fact]
    public void GreedyAllocator_with_two_placements_skips_an_offer_meeting_in_the_same_weeks()
    {
        var problem = new GreedyScenario()
            .Weeks(4)
            .Rules(r => r with { MaxPlacementsPerPupil = 2 })
            .School("north")
            .Offer("a", "north-lab", host: "north", onlyWeeks: [1, 2])
            .Offer("b", "north-lab", host: "north", onlyWeeks: [2, 3])
            .Offer("c", "north-lab", host: "north", onlyWeeks: [3, 4])
            .Docent("de-vries", "north", "a", "b", "c")
            .Docent("jansen", "north", "a", "b", "c")
            .Pupil("p", "north", "a", "b", "c")
            .Build();

        var allocation = Allocate(problem);

        Assert.Equal([("a", 1), ("c", 3)], allocation.Placements.Select(p => (p.Offer.Value, p.Rank)));
    }

    [Fact]
    public void GreedyAllocator_with_two_placements_allows_only_one_away_from_the_own_school()
    {
        var problem = new GreedyScenario()
            .Weeks(4)
            .Rules(r => r with { MaxPlacementsPerPupil = 2 })
            .School("north")
            .School("south", eastKm: 3)
            .Offer("a", "south-lab", host: "south", onlyWeeks: [1, 2])
            .Offer("b", "south-lab", host: "south", onlyWeeks: [3, 4])
            .Offer("c", "north-lab", host: "north", onlyWeeks: [3, 4])
            .Docent("de-vries", "south", "a", "b")
            .Docent("jansen", "north", "c")
            .Pupil("p", "north", "a", "b", "c")
            .Build();

        var allocation = Allocate(problem);

        Assert.Equal([("a", 1), ("c", 3)], allocation.Placements.Select(p => (p.Offer.Value, p.Rank)));
    }

    private static string[] PupilsIn(Allocation allocation, string offer) =>
        [.. allocation.Placements.Where(p => p.Offer.Value == offer).Select(p => p.Pupil.Value).Order(StringComparer.Ordinal)];
}
