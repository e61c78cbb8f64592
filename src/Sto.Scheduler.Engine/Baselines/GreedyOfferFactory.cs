using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Baselines;

/// <summary>
/// Precomputes an offer's meeting weeks: ledger slots of its venues and kits, the ratio's session kind, and the
/// staff who may staff it that week (<see cref="StaffRules.CanStaff"/>, available, <see cref="StaffRules.CanReach"/>),
/// those based at the venue or its school first.
/// </summary>
internal sealed class GreedyOfferFactory
{
    private readonly GreedyState _state;
    private readonly Dictionary<VenueId, (int Index, Venue Venue)> _venues;
    private readonly Dictionary<KitId, int> _kits;
    private readonly Dictionary<Week, int> _weekSlots;

    public GreedyOfferFactory(GreedyState state, IReadOnlyList<Venue> venues, IReadOnlyList<EquipmentKit> kits)
    {
        _state = state;
        _venues = venues.Select((v, i) => (v, i)).ToDictionary(x => x.v.Id, x => (x.i, x.v));
        _kits = kits.Select((k, i) => (k.Id, i)).ToDictionary(x => x.Id, x => x.i);
        _weekSlots = state.Weeks.Select((w, i) => (w, i)).ToDictionary(x => x.w, x => x.i);
    }

    public GreedyOffer Create(ElectiveOffer offer)
    {
        var sessions = offer.Sessions.NullToEmpty().Where(s => s is not null).ToArray();
        var unknownVenue = sessions.Any(s => !_venues.ContainsKey(s.Venue));
        var qualified = Enumerable.Range(0, _state.Staff.Length)
            .Where(i => StaffRules.CanStaff(_state.Staff[i], offer, _state.Rules))
            .ToArray();
        var meetings = sessions
            .GroupBy(s => s.Week)
            .OrderBy(g => g.Key)
            .Select(g => CreateMeeting(offer, g.Key, [.. g], qualified))
            .ToArray();
        return new GreedyOffer(offer, meetings, unknownVenue);
    }

    private GreedyMeeting CreateMeeting(ElectiveOffer offer, Week week, Session[] sessions, int[] qualified)
    {
        var weekSlot = _weekSlots[week];
        var ledger = _state.Ledger;
        var venueSlots = sessions.Select(s => s.Venue).Distinct()
            .Select(v => _venues.TryGetValue(v, out var venue) ? ledger.Slot(venue.Index, weekSlot) : -1)
            .ToArray();
        var kitSlots = offer.Kits.NullToEmpty().Where(k => k is not null)
            .GroupBy(k => k.Kit)
            .Select(g => (Slot: _kits.TryGetValue(g.Key, out var kit) ? ledger.Slot(kit, weekSlot) : -1,
                Count: g.Sum(k => k.CountPerGroup)))
            .Where(k => k.Count > 0)
            .ToArray();
        var kind = sessions.Any(s => s.Kind == SessionKind.Practical) ? SessionKind.Practical : SessionKind.Theory;

        var candidates = qualified
            .Where(i => _state.Staff[i].IsAvailableIn(week) && sessions.All(s => CanReach(_state.Staff[i], s)))
            .Select(i => (Staff: i, Based: IsBasedAt(_state.Staff[i], sessions)))
            .OrderBy(c => c.Based ? 0 : 1)
            .ThenBy(c => c.Staff)
            .ToArray();
        return new GreedyMeeting(
            week,
            weekSlot,
            venueSlots,
            kitSlots,
            kind,
            [.. candidates.Select(c => c.Staff)],
            [.. candidates.Select(c => c.Based)]);
    }

    private bool CanReach(StaffMember staff, Session session) =>
        _venues.ContainsKey(session.Venue)
        && StaffRules.CanReach(staff, session, _state.Problem.Afternoon, _state.Index.Travel);

    private bool IsBasedAt(StaffMember staff, Session[] sessions) =>
        sessions.Any(s => _venues.TryGetValue(s.Venue, out var venue)
            && (staff.BaseSite == venue.Venue.Id.Value || staff.BaseSite == venue.Venue.School?.Value));
}
