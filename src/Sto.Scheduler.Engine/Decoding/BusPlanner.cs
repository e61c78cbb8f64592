using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Decoding;

/// <summary>
/// The minimal bus trips implied by a set of placements (docs/rules.md H11, domain.md §2.10): one trip per week,
/// school and venue where at least one placed pupil travels by bus. Shared by the solver, the greedy allocator and
/// the checker, so the buses ordered always match the pupils who ride.
/// </summary>
public static class BusPlanner
{
    /// <summary>
    /// Plans the buses for the placements: per (week, school, venue) with bus riders, <see cref="BusTrip.PupilCount"/>
    /// = distinct riders, <see cref="BusTrip.BusCount"/> = ⌈riders / <see cref="RegionRules.BusSeatCount"/>⌉,
    /// <see cref="BusTrip.Departure"/> = earliest session start of the riders minus the bus minutes and
    /// <see cref="BusTrip.ReturnDeparture"/> = latest session end. Ordered by week, school id, venue id.
    /// Placements with an unknown pupil, offer, school or venue are skipped.
    /// </summary>
    public static ImmutableArray<BusTrip> PlanBuses(SchedulingProblem problem, ImmutableArray<PupilPlacement> placements)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return PlanBuses(ProblemIndex.Build(problem), placements);
    }

    /// <summary>The same as the public overload, reusing an index already built.</summary>
    internal static ImmutableArray<BusTrip> PlanBuses(ProblemIndex index, ImmutableArray<PupilPlacement> placements)
    {
        var riders = new Dictionary<(Week Week, SchoolId School, VenueId Venue), Riders>();
        foreach (var known in PlacementFacts.Resolve(index, placements))
        {
            foreach (var session in known.Offer.Sessions.NullToEmpty())
            {
                if (session is null
                    || !PlacementFacts.TryPupilTrip(index, known.Pupil.School, session.Venue, out var trip)
                    || trip.Mode != TravelMode.Bus)
                {
                    continue;
                }

                var key = (session.Week, known.Pupil.School, session.Venue);
                if (!riders.TryGetValue(key, out var entry))
                {
                    entry = new Riders(trip.Minutes);
                    riders[key] = entry;
                }

                entry.Add(known.Pupil.Id, session);
            }
        }

        var seats = Math.Max(1, index.Problem.Rules.BusSeatCount);
        return
        [
            .. riders
                .OrderBy(r => r.Key.Week)
                .ThenBy(r => r.Key.School.Value, StringComparer.Ordinal)
                .ThenBy(r => r.Key.Venue.Value, StringComparer.Ordinal)
                .Select(r => new BusTrip
                {
                    Week = r.Key.Week,
                    FromSchool = r.Key.School,
                    ToVenue = r.Key.Venue,
                    PupilCount = r.Value.Pupils.Count,
                    BusCount = (r.Value.Pupils.Count + seats - 1) / seats,
                    Departure = r.Value.EarliestStart.AddMinutes(-r.Value.BusMinutes),
                    ReturnDeparture = r.Value.LatestEnd,
                }),
        ];
    }

    private sealed class Riders(int busMinutes)
    {
        public int BusMinutes { get; } = busMinutes;

        public HashSet<PupilId> Pupils { get; } = [];

        public TimeOnly EarliestStart { get; private set; } = TimeOnly.MaxValue;

        public TimeOnly LatestEnd { get; private set; } = TimeOnly.MinValue;

        public void Add(PupilId pupil, Session session)
        {
            Pupils.Add(pupil);
            EarliestStart = session.Start < EarliestStart ? session.Start : EarliestStart;
            LatestEnd = session.End > LatestEnd ? session.End : LatestEnd;
        }
    }
}
