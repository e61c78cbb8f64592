using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Baselines;

/// <summary>
/// The buses of a set of placements (H11): per week, school and venue where placed pupils travel by bus, one trip
/// with the riders, ⌈riders / BusSeatCount⌉ buses, departure = earliest session start − the ride, return = latest end.
/// Internal to the baselines; the engine-wide bus planner is written separately and will replace it on merge.
/// </summary>
internal static class GreedyBusTrips
{
    public static ImmutableArray<BusTrip> Plan(
        SchedulingProblem problem,
        ProblemIndex index,
        IEnumerable<PupilPlacement> placements)
    {
        var trips = new Dictionary<(Week Week, SchoolId School, VenueId Venue), Riders>();
        foreach (var placement in placements)
        {
            if (!index.Pupils.TryGetValue(placement.Pupil, out var pupil)
                || !index.Offers.TryGetValue(placement.Offer, out var offer))
            {
                continue;
            }

            foreach (var session in offer.Sessions.NullToEmpty())
            {
                var trip = index.Travel.PupilTrip(pupil.School, session.Venue);
                if (trip.Mode != TravelMode.Bus)
                {
                    continue;
                }

                var key = (session.Week, pupil.School, session.Venue);
                if (!trips.TryGetValue(key, out var riders))
                {
                    trips[key] = riders = new Riders();
                }

                riders.Add(pupil.Id, session.Start.AddMinutes(-trip.Minutes), session.End);
            }
        }

        var seats = Math.Max(1, problem.Rules.BusSeatCount);
        return [.. trips
            .OrderBy(t => t.Key.Week)
            .ThenBy(t => t.Key.School.Value, StringComparer.Ordinal)
            .ThenBy(t => t.Key.Venue.Value, StringComparer.Ordinal)
            .Select(t => new BusTrip
            {
                Week = t.Key.Week,
                FromSchool = t.Key.School,
                ToVenue = t.Key.Venue,
                PupilCount = t.Value.Pupils.Count,
                BusCount = (t.Value.Pupils.Count + seats - 1) / seats,
                Departure = t.Value.Departure,
                ReturnDeparture = t.Value.ReturnDeparture,
            })];
    }

    private sealed class Riders
    {
        public HashSet<PupilId> Pupils { get; } = [];

        public TimeOnly Departure { get; private set; } = TimeOnly.MaxValue;

        public TimeOnly ReturnDeparture { get; private set; } = TimeOnly.MinValue;

        public void Add(PupilId pupil, TimeOnly departure, TimeOnly returnDeparture)
        {
            Pupils.Add(pupil);
            Departure = departure < Departure ? departure : Departure;
            ReturnDeparture = returnDeparture > ReturnDeparture ? returnDeparture : ReturnDeparture;
        }
    }
}
