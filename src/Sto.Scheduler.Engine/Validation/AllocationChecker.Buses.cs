using Sto.Scheduler.Engine.Decoding;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Validation;

/// <content>H11: the buses ordered match the pupils who ride, as planned by <see cref="BusPlanner"/>.</content>
public static partial class AllocationChecker
{
    /// <summary>
    /// H11: for each week, school and venue with bus riders exactly one trip whose PupilCount equals the riders and
    /// whose BusCount ≥ ⌈riders / BusSeatCount⌉; no trip where nobody rides.
    /// </summary>
    private static void CheckBuses(CheckContext context)
    {
        var expected = BusPlanner.PlanBuses(context.Index, context.Allocation.Placements)
            .ToDictionary(t => (t.Week, t.FromSchool, t.ToVenue));
        var seats = Math.Max(1, context.Rules.BusSeatCount);
        var listed = context.Allocation.BusTrips.NullToEmpty()
            .Where(t => t is not null)
            .GroupBy(t => (t.Week, t.FromSchool, t.ToVenue));
        var seen = new HashSet<(Week, SchoolId, VenueId)>();
        foreach (var trips in listed)
        {
            seen.Add(trips.Key);
            var (week, school, venue) = trips.Key;
            var subject = TripName(week, school, venue);
            if (trips.Count() > 1)
            {
                context.Add(AllocationRuleIds.Buses, subject, $"{trips.Count()} bus trips are listed from {Show(school.Value)} to {Show(venue.Value)} in week {week}; exactly one is expected.");
            }

            var trip = trips.First();
            if (!expected.TryGetValue(trips.Key, out var planned))
            {
                context.Add(AllocationRuleIds.Buses, subject, $"A bus trip from {Show(school.Value)} to {Show(venue.Value)} in week {week} is listed, but no placed pupil rides it.");
                continue;
            }

            if (trip.PupilCount != planned.PupilCount)
            {
                context.Add(AllocationRuleIds.Buses, subject, $"The bus trip from {Show(school.Value)} to {Show(venue.Value)} in week {week} lists {trip.PupilCount} pupils, but {planned.PupilCount} placed pupils ride it.");
            }

            var needed = (planned.PupilCount + seats - 1) / seats;
            if (trip.BusCount < needed)
            {
                context.Add(AllocationRuleIds.Buses, subject, $"The bus trip from {Show(school.Value)} to {Show(venue.Value)} in week {week} has {trip.BusCount} buses for {planned.PupilCount} pupils; it needs {needed} ({seats} seats a bus).");
            }
        }

        foreach (var planned in expected.Values.Where(t => !seen.Contains((t.Week, t.FromSchool, t.ToVenue))))
        {
            context.Add(AllocationRuleIds.Buses, TripName(planned.Week, planned.FromSchool, planned.ToVenue), $"{planned.PupilCount} placed pupils ride the bus from {Show(planned.FromSchool.Value)} to {Show(planned.ToVenue.Value)} in week {planned.Week}, but no bus trip is listed.");
        }
    }

    private static string TripName(Week week, SchoolId school, VenueId venue) =>
        FormattableString.Invariant($"{Show(school.Value)}→{Show(venue.Value)}@{week}");
}
