using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Replanning;

/// <summary>
/// Applies disruptions to a problem, giving the problem the re-plan solves. Unknown ids are left to the validator,
/// which names them; nothing here throws on data.
/// </summary>
public static class DisruptionApplier
{
    public static SchedulingProblem Apply(SchedulingProblem problem, IEnumerable<Disruption> disruptions)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(disruptions);
        foreach (var disruption in disruptions)
        {
            problem = disruption switch
            {
                Disruption.StaffUnavailable d => problem with
                {
                    Staff = [.. problem.Staff.Select(s => s.Id == d.Staff ? s with { UnavailableWeeks = [.. s.UnavailableWeeks.Union(d.Weeks)] } : s)],
                },
                Disruption.VenueCapacityChanged d => problem with
                {
                    Venues = [.. problem.Venues.Select(v => v.Id == d.Venue ? WithCapacity(v, d.Weeks, d.PupilCapacity) : v)],
                },
                Disruption.SessionMoved d => problem with
                {
                    Offers = [.. problem.Offers.Select(o => o.Id == d.Offer ? WithMovedSession(o, d) : o)],
                },
                Disruption.OfferCancelled d => problem with
                {
                    Offers = [.. problem.Offers.Select(o => o.Id == d.Offer ? o with { IsCancelled = true } : o)],
                },
                Disruption.PupilAdded d => problem with { Pupils = problem.Pupils.Add(d.Pupil) },
                Disruption.PupilRemoved d => problem with { Pupils = [.. problem.Pupils.Where(p => p.Id != d.Pupil)] },
                Disruption.PupilChangedSchool d => problem with
                {
                    Pupils = [.. problem.Pupils.Select(p => p.Id == d.Pupil ? p with { School = d.School } : p)],
                },
                _ => problem,
            };
        }

        return problem;
    }

    private static Venue WithCapacity(Venue venue, ImmutableArray<Week> weeks, int capacity) => venue with
    {
        CapacityOverrides = [.. venue.CapacityOverrides.Where(o => !weeks.Contains(o.Week)), .. weeks.Select(w => new VenueWeekCapacity { Week = w, PupilCapacity = capacity })],
    };

    private static ElectiveOffer WithMovedSession(ElectiveOffer offer, Disruption.SessionMoved moved) => offer with
    {
        Sessions = [.. offer.Sessions.Select(s => s.Week == moved.Week ? s with { Venue = moved.Venue, Start = moved.Start, End = moved.End } : s)],
    };
}
