using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Decoding;

/// <summary>
/// Facts about placements shared by the checker, the calculators and the bus planner, so they read an
/// allocation the same way. Tolerant of unknown ids: whatever cannot be resolved is left out.
/// </summary>
internal static class PlacementFacts
{
    /// <summary>The placements whose pupil and offer are known, in allocation order.</summary>
    public static ImmutableArray<KnownPlacement> Resolve(ProblemIndex index, ImmutableArray<PupilPlacement> placements)
    {
        var known = ImmutableArray.CreateBuilder<KnownPlacement>();
        foreach (var placement in placements.NullToEmpty())
        {
            if (placement is not null
                && index.Pupils.TryGetValue(placement.Pupil, out var pupil)
                && index.Offers.TryGetValue(placement.Offer, out var offer))
            {
                known.Add(new KnownPlacement(placement, pupil, offer));
            }
        }

        return known.ToImmutable();
    }

    /// <summary>
    /// How a pupil of the school reaches the venue (<see cref="TravelTable.PupilTrip"/>); false when the school
    /// or the venue is unknown, so no estimate exists.
    /// </summary>
    public static bool TryPupilTrip(ProblemIndex index, SchoolId school, VenueId venue, out PupilTrip trip)
    {
        trip = default;
        if (school.Value is null || venue.Value is null
            || !index.Schools.ContainsKey(school) || !index.Venues.ContainsKey(venue))
        {
            return false;
        }

        trip = index.Travel.PupilTrip(school, venue);
        return true;
    }

    /// <summary>Σ over the offer's sessions of the pupil's round trip (2 × one-way minutes; on site 0).</summary>
    public static long RoundTripMinutes(ProblemIndex index, Pupil pupil, ElectiveOffer offer)
    {
        long minutes = 0;
        foreach (var session in offer.Sessions.NullToEmpty())
        {
            if (session is not null && TryPupilTrip(index, pupil.School, session.Venue, out var trip))
            {
                minutes = checked(minutes + (2L * trip.Minutes));
            }
        }

        return minutes;
    }

    /// <summary>The distinct weeks the offer meets, ascending: weeks(o) of docs/rules.md.</summary>
    public static ImmutableArray<Week> MeetingWeeks(ElectiveOffer offer) =>
        [.. offer.Sessions.NullToEmpty().Where(s => s is not null).Select(s => s.Week).Distinct().Order()];

    /// <summary>The number of distinct staff ids in one week's staffing entry.</summary>
    public static int StaffCount(GroupWeekStaffing? staffing) =>
        staffing is null ? 0 : staffing.Staff.NullToEmpty().Distinct().Count();
}
