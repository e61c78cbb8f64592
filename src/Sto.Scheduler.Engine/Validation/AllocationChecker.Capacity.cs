using Sto.Scheduler.Engine.Decoding;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Validation;

/// <content>The shared-resource rules per week: H7 venues, H10 lending-lab kits.</content>
public static partial class AllocationChecker
{
    /// <summary>H7: per venue and week, Σ pupils of running groups with a session there ≤ <see cref="Venue.CapacityIn"/>.</summary>
    private static void CheckVenueCapacity(CheckContext context)
    {
        var load = new Dictionary<(VenueId Venue, Week Week), int>();
        foreach (var group in context.Groups)
        {
            var size = group.Size;
            var places = group.Offer.Sessions.NullToEmpty().Where(s => s is not null).Select(s => (s.Venue, s.Week)).Distinct();
            foreach (var place in places)
            {
                load[place] = load.GetValueOrDefault(place) + size;
            }
        }

        foreach (var ((venueId, week), pupils) in load)
        {
            // An unknown venue is an input error, reported for every placement under H2.
            if (!context.Index.Venues.TryGetValue(venueId, out var venue))
            {
                continue;
            }

            var capacity = venue.CapacityIn(week);
            if (pupils > capacity)
            {
                var name = Show(venueId.Value);
                context.Add(AllocationRuleIds.VenueCapacity, FormattableString.Invariant($"{name}@{week}"), $"Venue {name} holds {pupils} pupils in week {week}, but its capacity that week is {capacity}.");
            }
        }
    }

    /// <summary>H10: per kit type and week, Σ CountPerGroup over running groups meeting that week ≤ the kit count.</summary>
    private static void CheckEquipmentKits(CheckContext context)
    {
        var use = new Dictionary<(KitId Kit, Week Week), int>();
        foreach (var group in context.Groups)
        {
            foreach (var week in PlacementFacts.MeetingWeeks(group.Offer))
            {
                foreach (var need in group.Offer.Kits.NullToEmpty().Where(k => k is not null))
                {
                    var key = (need.Kit, week);
                    use[key] = checked(use.GetValueOrDefault(key) + need.CountPerGroup);
                }
            }
        }

        foreach (var ((kitId, week), used) in use)
        {
            var available = context.Index.Kits.TryGetValue(kitId, out var kit) ? kit.Count : 0;
            if (used > available)
            {
                var name = Show(kitId.Value);
                context.Add(AllocationRuleIds.EquipmentKits, FormattableString.Invariant($"{name}@{week}"), $"Running groups need {used} kits of {name} in week {week}, but only {available} exist.");
            }
        }
    }
}
