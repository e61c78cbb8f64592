using System.Collections.Immutable;
using System.Globalization;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Explanation;

/// <summary>
/// Finds the concrete reason a pupil did not get one ranked offer, checking in a fixed order: the candidate rules
/// (<see cref="CandidateFilter"/>), then why the offer runs no group, then why its running groups took no one more,
/// and last a trade-off. The first reason that holds is the main one; justified envy is added after it.
/// </summary>
internal static partial class ChoiceAnalysis
{
    /// <summary>The reasons the pupil did not get this choice, main reason first.</summary>
    public static ImmutableArray<ExplanationReason> Blocked(ExplanationContext context, Pupil pupil, ElectiveChoice choice)
    {
        if (!context.Index.Offers.TryGetValue(choice.Offer, out var offer))
        {
            return [new FactList().Reason(ExplanationCodes.UnknownOffer, choice.Offer.Value ?? "")];
        }

        var verdict = context.Filter.Check(pupil, offer);
        if (!verdict.IsFeasible)
        {
            return [CandidateReason(context, pupil, offer, verdict)];
        }

        return context.GroupsOf(offer.Id).IsEmpty
            ? [ClosedOfferReason(context, offer)]
            : RunningOfferReasons(context, pupil, offer);
    }

    /// <summary>The failing candidate rule with its facts.</summary>
    public static ExplanationReason CandidateReason(ExplanationContext context, Pupil pupil, ElectiveOffer offer, CandidateVerdict verdict)
    {
        var subject = offer.Id.Value ?? "";
        var facts = new FactList();
        var eligibility = offer.Eligibility ?? new Eligibility();
        switch (verdict.Reason)
        {
            case ReasonCodes.AlreadyCompleted or ReasonCodes.PrerequisiteMissing:
                facts.Add("elective", verdict.Detail);
                break;
            case ReasonCodes.PathNotEligible:
                facts.Add("path", verdict.Detail).Add("allowed-paths", string.Join(", ", eligibility.EffectivePaths.Select(p => p.ToCode())));
                break;
            case ReasonCodes.YearNotEligible:
                facts.Add("year", verdict.Detail).Add("allowed-years", string.Join(", ", eligibility.EffectiveYears.Select(y => y.ToString(CultureInfo.InvariantCulture))));
                break;
            case ReasonCodes.ProfileNotEligible:
                facts.Add("profile", verdict.Detail).Add("allowed-profiles", string.Join(", ", eligibility.Profiles.NullToEmpty()));
                break;
            case ReasonCodes.NotOpenToOtherSchools:
                facts.Add("host-school", SchoolName(context, offer.HostSchool));
                break;
            case ReasonCodes.VenueUnknown:
                facts.Add("venue", verdict.Detail);
                break;
            case ReasonCodes.ArrivesTooLate or ReasonCodes.ReturnsTooLate:
                AddTravelFacts(context, pupil, offer, verdict, facts);
                break;
        }

        return facts.Reason(verdict.Reason, subject);
    }

    private static void AddTravelFacts(ExplanationContext context, Pupil pupil, ElectiveOffer offer, CandidateVerdict verdict, FactList facts)
    {
        var school = context.Index.Schools[pupil.School];
        var arriving = verdict.Reason == ReasonCodes.ArrivesTooLate;
        var week = verdict.Week ?? default;
        var session = ExplanationContext.SessionsIn(offer, week)
            .FirstOrDefault(s => Available(context, school, s, arriving) == verdict.AvailableMinutes)
            ?? ExplanationContext.SessionsIn(offer, week)[0];
        var trip = context.Index.Travel.PupilTrip(pupil.School, session.Venue);
        facts.Add("week", week)
            .Add("venue", context.Index.Venues.TryGetValue(session.Venue, out var venue) ? venue.Name : session.Venue.Value ?? "")
            .Add("mode", ModeCode(trip.Mode))
            .Add("travel-minutes", trip.Minutes)
            .Add("changeover-minutes", context.Rules.ChangeoverMinutes)
            .Add("needed-minutes", verdict.NeededMinutes ?? 0)
            .Add("available-minutes", verdict.AvailableMinutes ?? 0);
        if (arriving)
        {
            facts.Add("release", school.ReleaseTime).Add("start", session.Start);
        }
        else
        {
            facts.Add("end", session.End).Add("return-by", school.ReturnBy ?? context.Problem.Afternoon.End);
        }
    }

    private static int Available(ExplanationContext context, School school, Session session, bool arriving) => arriving
        ? Minutes(session.Start) - Minutes(school.ReleaseTime)
        : Minutes(school.ReturnBy ?? context.Problem.Afternoon.End) - Minutes(session.End);

    private static string ModeCode(TravelMode mode) => mode switch
    {
        TravelMode.Bus => "bus",
        TravelMode.Bike => "bike",
        _ => "on-site",
    };

    private static string SchoolName(ExplanationContext context, SchoolId? school) =>
        school is { } id ? (context.Index.Schools.TryGetValue(id, out var found) ? found.Name : id.Value ?? "") : "";

    private static int Minutes(TimeOnly time) => (time.Hour * 60) + time.Minute;
}
