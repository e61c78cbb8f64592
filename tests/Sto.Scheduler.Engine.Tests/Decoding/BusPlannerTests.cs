using System.Collections.Immutable;
using Sto.Scheduler.Engine.Decoding;
using static Sto.Scheduler.Engine.Tests.Support.CheckerScenario;

namespace Sto.Scheduler.Engine.Tests.Decoding;

public sealed class BusPlannerTests
{
    [Fact]
    public void BusPlanner_orders_one_bus_per_week_and_venue_for_the_south_riders()
    {
        var trips = BusPlanner.PlanBuses(Problem(), Allocation().Placements);

        Assert.Equal(3, trips.Length);
        Assert.Equal([W14, W15, W16], trips.Select(t => t.Week));
        Assert.All(trips, t => Assert.Equal("south", t.FromSchool.Value));
        Assert.Equal(["north-workshop", "north-workshop", "hotspot"], trips.Select(t => t.ToVenue.Value));
        Assert.All(trips, t => Assert.Equal((2, 1), (t.PupilCount, t.BusCount)));

        // 13:00 start − 25 bus minutes; 13:30 start − 20 bus minutes at the hotspot.
        Assert.Equal([new(12, 35), new(12, 35), new TimeOnly(13, 10)], trips.Select(t => t.Departure));
        Assert.Equal([new(15, 0), new(15, 0), new TimeOnly(15, 30)], trips.Select(t => t.ReturnDeparture));
    }

    [Fact]
    public void BusPlanner_rounds_the_bus_count_up_to_whole_buses()
    {
        var problem = Problem().WithScenarioRules(r => r with { BusSeatCount = 1 });

        var trips = BusPlanner.PlanBuses(problem, Allocation().Placements);

        Assert.All(trips, t => Assert.Equal(2, t.BusCount));
    }

    [Fact]
    public void BusPlanner_orders_no_bus_for_pupils_on_site_or_on_a_bike()
    {
        var placements = Allocation().Placements.Where(p => p.Pupil.Value is not ("s5" or "s6")).ToImmutableArray();

        Assert.Empty(BusPlanner.PlanBuses(Problem(), placements));
    }

    [Fact]
    public void BusPlanner_takes_the_earliest_start_and_latest_end_over_the_riders_of_a_trip()
    {
        // Metal starts later in W14; only s5 rides.
        var problem = Problem().WithOffer("metal", o => o with
        {
            Sessions = [.. o.Sessions.Select(s => s.Week == W14 ? s with { Start = new(13, 20), End = new(15, 40) } : s)],
        });
        var placements = Allocation().Placements.Where(p => p.Pupil.Value != "s6").ToImmutableArray();

        var trip = BusPlanner.PlanBuses(problem, placements)[0];

        Assert.Equal((1, new TimeOnly(12, 55), new TimeOnly(15, 40)), (trip.PupilCount, trip.Departure, trip.ReturnDeparture));
    }

    [Fact]
    public void BusPlanner_skips_placements_it_cannot_resolve()
    {
        var placements = Allocation().Placements.Add(Placement("nobody", "metal", 1)).Add(Placement("s7", "no-such-offer", 1));

        Assert.Equal(3, BusPlanner.PlanBuses(Problem(), placements).Length);
    }
}
