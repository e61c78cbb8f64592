using Sto.Scheduler.Engine.Domain;
using V1 = Sto.Scheduler.Api.V1;

namespace Sto.Scheduler.Grpc.Mapping;

/// <summary>
/// Builds every pupil's schedule from a run's problem and allocation, once, when the run finishes: per week
/// the elective, venue name and address, times, travel mode (bus when a bus trip of the pupil's school
/// goes to the venue that week; on site when the venue is the school's; bike otherwise) and staff names.
/// </summary>
public static class PupilScheduleMapping
{
    public static IReadOnlyDictionary<string, V1.PupilSchedule> Build(SchedulingProblem problem, Allocation allocation, string runName)
    {
        var offers = problem.Offers.ToDictionary(o => o.Id);
        var venues = problem.Venues.ToDictionary(v => v.Id);
        var staff = problem.Staff.ToDictionary(s => s.Id);
        var pupils = problem.Pupils.ToDictionary(p => p.Id);
        var groups = allocation.Groups.ToDictionary(g => (g.Offer, g.Group));
        var buses = allocation.BusTrips.ToDictionary(b => (b.Week, b.FromSchool, b.ToVenue));
        var result = problem.Pupils.ToDictionary(
            p => p.Id.Value,
            p => new V1.PupilSchedule { Name = p.Id.Value + "/schedule", AllocationRun = runName });

        foreach (var placement in allocation.Placements)
        {
            if (!offers.TryGetValue(placement.Offer, out var offer) || !pupils.TryGetValue(placement.Pupil, out var pupil))
            {
                continue;
            }

            groups.TryGetValue((placement.Offer, placement.Group), out var group);
            foreach (var session in offer.Sessions)
            {
                venues.TryGetValue(session.Venue, out var venue);
                var entry = new V1.PupilScheduleEntry
                {
                    Week = session.Week.ToString(),
                    Date = session.Week.DateOf(problem.Afternoon.Weekday).ToDate(),
                    ElectiveOffer = offer.Id.Value,
                    ElectiveName = offer.Name,
                    Venue = session.Venue.Value,
                    VenueName = venue?.Name ?? "",
                    VenueAddress = venue?.Address ?? "",
                    StartTime = session.Start.ToTimeOfDay(),
                    EndTime = session.End.ToTimeOfDay(),
                    TravelMode = V1.TravelMode.Bike,
                };
                if (buses.TryGetValue((session.Week, pupil.School, session.Venue), out var bus))
                {
                    entry.TravelMode = V1.TravelMode.Bus;
                    entry.BusDepartureTime = bus.Departure.ToTimeOfDay();
                }
                else if (venue?.School == pupil.School)
                {
                    entry.TravelMode = V1.TravelMode.OnSite;
                }

                var staffing = group?.Staffing.FirstOrDefault(s => s.Week == session.Week);
                entry.StaffNames.AddRange((staffing?.Staff ?? []).Select(id => staff.TryGetValue(id, out var m) ? m.Name : id.Value));
                result[pupil.Id.Value].Entries.Add(entry);
            }
        }

        foreach (var schedule in result.Values)
        {
            var ordered = schedule.Entries.OrderBy(e => e.Week, StringComparer.Ordinal).ThenBy(e => e.StartTime?.Hours).ToList();
            schedule.Entries.Clear();
            schedule.Entries.AddRange(ordered);
        }

        return result;
    }

    /// <summary>True when both schedules have the same afternoons (entries), whatever run and publish time they come from.</summary>
    public static bool SameContent(V1.PupilSchedule a, V1.PupilSchedule b) => a.Entries.Equals(b.Entries);

    /// <summary>The schedule limited to the weeks start..end (ISO week strings compare in calendar order).</summary>
    public static V1.PupilSchedule Slice(V1.PupilSchedule schedule, string startWeek, string endWeek)
    {
        var copy = schedule.Clone();
        copy.Entries.Clear();
        copy.Entries.AddRange(schedule.Entries.Where(e =>
            (startWeek.Length == 0 || string.CompareOrdinal(e.Week, startWeek) >= 0)
            && (endWeek.Length == 0 || string.CompareOrdinal(e.Week, endWeek) <= 0)));
        return copy;
    }
}
