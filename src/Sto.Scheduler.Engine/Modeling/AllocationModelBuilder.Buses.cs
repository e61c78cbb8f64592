using Google.OrTools.Sat;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Modeling;

internal sealed partial class AllocationModelBuilder
{
    /// <summary>
    /// HARD · buses: pupils riding from a school to a venue in a week fit in the buses ordered for it, and any rider
    /// means at least one bus. Weeks with exactly the same possible riders share one count (weighted by weeks).
    /// </summary>
    private void AddBuses()
    {
        var seats = Math.Max(1, _problem.Rules.BusSeatCount);
        var riders = new Dictionary<(SchoolId School, VenueId Venue, Week Week), List<int>>();
        for (var i = 0; i < _pairs.Count; i++)
        {
            var pair = _pairs[i];
            if (_options[pair.Offer] is null)
            {
                continue;
            }

            var pupil = _pupils[pair.Pupil];
            foreach (var session in _offers[pair.Offer].Sessions)
            {
                if (_index.Travel.PupilTrip(pupil.School, session.Venue).Mode != TravelMode.Bus)
                {
                    continue;
                }

                var key = (pupil.School, session.Venue, session.Week);
                if (!riders.TryGetValue(key, out var list))
                {
                    riders[key] = list = [];
                }

                list.Add(i);
            }
        }

        foreach (var route in riders.GroupBy(r => (r.Key.School, r.Key.Venue)).OrderBy(g => g.Key.School.Value, StringComparer.Ordinal).ThenBy(g => g.Key.Venue.Value, StringComparer.Ordinal))
        {
            foreach (var sameRiders in route.GroupBy(r => string.Join(',', r.Value)))
            {
                var pairs = sameRiders.First().Value;
                var weeks = sameRiders.Select(r => r.Key.Week).Order().ToList();
                var upper = (pairs.Count + seats - 1) / seats;
                var buses = _model.NewIntVar(0, upper, $"buses[{route.Key.School}->{route.Key.Venue}@{weeks[0]}+{weeks.Count - 1}]");
                _busSlots.Add(new BusSlot(route.Key.School, route.Key.Venue, weeks, pairs, buses));
                _model.Add(LinearExpr.Sum(pairs.Select(p => _pairs[p].Place)) <= seats * buses);
                foreach (var pair in pairs)
                {
                    _model.Add(buses >= _pairs[pair].Place);
                }
            }
        }
    }
}
