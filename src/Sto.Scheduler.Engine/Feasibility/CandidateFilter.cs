using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Feasibility;

/// <summary>
/// Decides, per (pupil, offer), the rules that need no other pupil: eligibility, completed electives, the
/// open-seat rule for other schools, and whether every session can be reached from the pupil's release time and
/// left in time to be back (HARD, domain.md §2.1, §2.2, §2.10). The solver only creates variables for pairs that
/// pass; the checker and the explainer ask the same questions.
/// </summary>
public sealed class CandidateFilter(SchedulingProblem problem, ProblemIndex index)
{
    /// <summary>The first failing rule, or <see cref="CandidateVerdict.Feasible"/>.</summary>
    public CandidateVerdict Check(Pupil pupil, ElectiveOffer offer)
    {
        var eligibility = offer.Eligibility ?? new Eligibility();
        if (offer.IsCancelled)
        {
            return CandidateVerdict.Blocked(ReasonCodes.OfferCancelled, offer.Id.Value ?? "");
        }

        if (pupil.CompletedElectives.NullToEmpty().Contains(offer.ElectiveCode, StringComparer.OrdinalIgnoreCase))
        {
            return CandidateVerdict.Blocked(ReasonCodes.AlreadyCompleted, offer.ElectiveCode);
        }

        if (!eligibility.EffectivePaths.Contains(pupil.Path))
        {
            return CandidateVerdict.Blocked(ReasonCodes.PathNotEligible, pupil.Path.ToCode());
        }

        if (!eligibility.EffectiveYears.Contains(pupil.Year))
        {
            return CandidateVerdict.Blocked(ReasonCodes.YearNotEligible, pupil.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var profiles = eligibility.Profiles.NullToEmpty();
        if (profiles.Length > 0 && !profiles.Contains(pupil.Profile, StringComparer.OrdinalIgnoreCase))
        {
            return CandidateVerdict.Blocked(ReasonCodes.ProfileNotEligible, pupil.Profile);
        }

        foreach (var prerequisite in eligibility.PrerequisiteElectives.NullToEmpty())
        {
            if (!pupil.CompletedElectives.NullToEmpty().Contains(prerequisite, StringComparer.OrdinalIgnoreCase))
            {
                return CandidateVerdict.Blocked(ReasonCodes.PrerequisiteMissing, prerequisite);
            }
        }

        if (IsFromOtherSchool(pupil, offer) && offer.OpenSeats <= 0)
        {
            return CandidateVerdict.Blocked(ReasonCodes.NotOpenToOtherSchools, offer.HostSchool?.Value ?? "");
        }

        if (IsAwayFromOwnSite(pupil, offer) && problem.Rules.MaxExternalPlacementsPerPupil <= 0)
        {
            return CandidateVerdict.Blocked(ReasonCodes.ExternalNotAllowed);
        }

        return CheckTravel(pupil, offer);
    }

    /// <summary>True when the pupil is not one of the host school's own pupils (counts against open seats).</summary>
    public static bool IsFromOtherSchool(Pupil pupil, ElectiveOffer offer) => offer.HostSchool != pupil.School;

    /// <summary>True when any session is at a venue away from the pupil's own school site.</summary>
    public bool IsAwayFromOwnSite(Pupil pupil, ElectiveOffer offer)
    {
        foreach (var session in offer.Sessions.NullToEmpty())
        {
            if (!index.Venues.TryGetValue(session.Venue, out var venue) || venue.School != pupil.School)
            {
                return true;
            }
        }

        return false;
    }

    private CandidateVerdict CheckTravel(Pupil pupil, ElectiveOffer offer)
    {
        if (!index.Schools.TryGetValue(pupil.School, out var school))
        {
            return CandidateVerdict.Blocked(ReasonCodes.VenueUnknown, pupil.School.Value ?? "");
        }

        var returnBy = school.ReturnBy ?? problem.Afternoon.End;
        var changeover = problem.Rules.ChangeoverMinutes;
        foreach (var session in offer.Sessions.NullToEmpty())
        {
            if (!index.Venues.ContainsKey(session.Venue))
            {
                return CandidateVerdict.Blocked(ReasonCodes.VenueUnknown, session.Venue.Value ?? "");
            }

            var trip = index.Travel.PupilTrip(pupil.School, session.Venue);
            var needed = trip.Minutes + changeover;
            var before = Minutes(session.Start) - Minutes(school.ReleaseTime);
            if (needed > before)
            {
                return new CandidateVerdict
                {
                    Reason = ReasonCodes.ArrivesTooLate,
                    Week = session.Week,
                    NeededMinutes = needed,
                    AvailableMinutes = before,
                    Detail = trip.Mode.ToString(),
                };
            }

            var after = Minutes(returnBy) - Minutes(session.End);
            if (needed > after)
            {
                return new CandidateVerdict
                {
                    Reason = ReasonCodes.ReturnsTooLate,
                    Week = session.Week,
                    NeededMinutes = needed,
                    AvailableMinutes = after,
                    Detail = trip.Mode.ToString(),
                };
            }
        }

        return CandidateVerdict.Feasible;
    }

    private static int Minutes(TimeOnly time) => (time.Hour * 60) + time.Minute;
}
