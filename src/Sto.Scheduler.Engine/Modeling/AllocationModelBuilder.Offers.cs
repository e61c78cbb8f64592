using Google.OrTools.Sat;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Modeling;

internal sealed partial class AllocationModelBuilder
{
    /// <summary>An offer meeting at a venue that is closed (capacity 0) that week can never run.</summary>
    private void FindDeadOffersByVenue()
    {
        for (var o = 0; o < _offers.Length; o++)
        {
            if (_offers[o].IsCancelled)
            {
                _deadOffers[o] = "cancelled";
                continue;
            }

            foreach (var session in _offers[o].Sessions)
            {
                if (_index.Venues.TryGetValue(session.Venue, out var venue) && venue.CapacityIn(session.Week) < _offers[o].MinGroupSize)
                {
                    _deadOffers[o] = $"venue-closed:{session.Venue}:{session.Week}";
                    break;
                }
            }
        }
    }

    private int MaxPupils(int o)
    {
        var offer = _offers[o];
        var cap = Math.Min(offer.TotalSeats, _pairsByOffer[o].Count);
        foreach (var session in offer.Sessions)
        {
            if (_index.Venues.TryGetValue(session.Venue, out var venue))
            {
                cap = Math.Min(cap, venue.CapacityIn(session.Week));
            }
        }

        return cap;
    }

    /// <summary>
    /// HARD · group-size and open-seats: exactly one option per offer; the pupil count lies in the option's range;
    /// a placement implies the offer runs; pupils from other schools stay within the open seats.
    /// </summary>
    private void AddOfferOptions()
    {
        _options = new List<GroupOption>?[_offers.Length];
        _optionVars = new BoolVar[]?[_offers.Length];
        var ratio = Math.Max(1, _problem.Rules.PupilsPerStaffMember);
        for (var o = 0; o < _offers.Length; o++)
        {
            var offer = _offers[o];
            var maxPupils = MaxPupils(o);
            if (_deadOffers.ContainsKey(o) || maxPupils < offer.MinGroupSize)
            {
                _deadOffers.TryAdd(o, "too-few-candidates");
                foreach (var pair in _pairsByOffer[o])
                {
                    _model.Add(_pairs[pair].Place == 0);
                }

                continue;
            }

            var options = GroupOptions.For(offer, ratio, maxPupils);
            var vars = options.Select((option, i) => _model.NewBoolVar($"runs[{offer.Id}:{option.Groups}g/{option.PracticalStaff}s]")).ToArray();
            _options[o] = options;
            _optionVars[o] = vars;
            _model.AddExactlyOne(vars);

            var count = PupilCount(o);
            _model.Add(count >= LinearExpr.WeightedSum(vars, options.Select(x => (long)x.MinPupils)));
            _model.Add(count <= LinearExpr.WeightedSum(vars, options.Select(x => (long)x.MaxPupils)));
            foreach (var pair in _pairsByOffer[o])
            {
                _model.AddImplication(_pairs[pair].Place, vars[0].Not());
            }

            var outsiders = _pairsByOffer[o].Where(i => !_pairs[i].IsOwnPupilOfHost).ToList();
            if (outsiders.Count > offer.OpenSeats)
            {
                _model.Add(LinearExpr.Sum(outsiders.Select(i => _pairs[i].Place)) <= offer.OpenSeats);
            }
        }
    }

    /// <summary>HARD · venue-capacity: pupils of all electives at a venue in a week fit its capacity that week.</summary>
    private void AddVenueCapacity()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var venue in _problem.Venues)
        {
            foreach (var week in _problem.Weeks)
            {
                var offers = Enumerable.Range(0, _offers.Length)
                    .Where(o => _options[o] is not null && _offers[o].Sessions.Any(s => s.Week == week && s.Venue == venue.Id))
                    .ToList();
                var capacity = venue.CapacityIn(week);
                var upper = offers.Sum(o => _options[o]!.Max(x => x.MaxPupils));
                if (upper <= capacity || !seen.Add($"{capacity}|{string.Join(',', offers)}"))
                {
                    continue;
                }

                _model.Add(LinearExpr.Sum(offers.Select(PupilCount)) <= capacity);
            }
        }
    }

    /// <summary>HARD · equipment-kits: kits used by running groups in a week stay within the lending lab's count.</summary>
    private void AddKitLimits()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kit in _problem.Kits)
        {
            foreach (var week in _problem.Weeks)
            {
                var users = new List<(int Offer, int Count)>();
                for (var o = 0; o < _offers.Length; o++)
                {
                    var need = _offers[o].Kits.Where(k => k.Kit == kit.Id).Sum(k => k.CountPerGroup);
                    if (need > 0 && _options[o] is not null && _offers[o].Sessions.Any(s => s.Week == week))
                    {
                        users.Add((o, need));
                    }
                }

                var upper = users.Sum(u => u.Count * _offers[u.Offer].MaxParallelGroups);
                if (upper <= kit.Count || !seen.Add($"{kit.Id}|{string.Join(',', users)}"))
                {
                    continue;
                }

                var used = LinearExpr.NewBuilder();
                foreach (var (offer, count) in users)
                {
                    used.Add(GroupCount(offer) * count);
                }

                _model.Add(used <= kit.Count);
            }
        }
    }

    private LinearExpr GroupCount(int offer)
    {
        var options = _options[offer];
        var vars = _optionVars[offer];
        return options is null || vars is null
            ? LinearExpr.Constant(0)
            : LinearExpr.WeightedSum(vars, options.Select(o => (long)o.Groups));
    }

    private LinearExpr PracticalStaffNeed(int offer)
    {
        var options = _options[offer]!;
        return LinearExpr.WeightedSum(_optionVars[offer]!, options.Select(o => (long)o.PracticalStaff));
    }
}
