using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Validation;

public static partial class ProblemValidator
{
    private static void CheckSessions(Context context, ElectiveOffer offer, string path, string name)
    {
        if (offer.Sessions.IsDefaultOrEmpty && offer.IsCancelled)
        {
            // A cancelled offer (or one that does not meet in a run's weeks) runs no group; it needs no sessions.
            return;
        }

        if (offer.Sessions.IsDefaultOrEmpty)
        {
            context.Add($"{path}.sessions", IssueCodes.NoSessions, $"{name} has no sessions; it needs at least one week to meet.");
            return;
        }

        var weeks = new HashSet<Week>();
        foreach (var (session, sessionPath) in context.Entries(offer.Sessions, $"{path}.sessions"))
        {
            InPeriod(context, session.Week, $"{sessionPath}.week", $"{name} meets in");
            if (!weeks.Add(session.Week))
            {
                context.Add($"{sessionPath}.week", IssueCodes.DuplicateSessionWeek, $"{name} has more than one session in {session.Week}; an offer meets at most once a week.");
            }

            CheckReference(context, session.Venue.Value, context.VenueIds, $"{sessionPath}.venue", $"the session of {name} in {session.Week}", "venue", IssueCodes.UnknownVenue, "venue");
            Defined(context, session.Kind, $"{sessionPath}.kind", "Session kind");
            CheckSessionTimes(context, session, sessionPath);
        }
    }

    private static void CheckSessionTimes(Context context, Session session, string path)
    {
        var afternoon = context.Afternoon;
        if (session.End < session.Start)
        {
            context.Add($"{path}.end", IssueCodes.EndNotAfterStart, $"Session in {session.Week} ends at {Time(session.End)}, before it starts at {Time(session.Start)}.");
        }
        else if (session.End == session.Start)
        {
            context.Add($"{path}.end", IssueCodes.EndNotAfterStart, $"Session in {session.Week} ends at {Time(session.End)}, the moment it starts.");
        }

        if (session.Start < afternoon.Start)
        {
            context.Add($"{path}.start", IssueCodes.OutsideAfternoon, $"Session in {session.Week} starts at {Time(session.Start)}, before the common afternoon starts at {Time(afternoon.Start)}.");
        }

        if (session.End > afternoon.End)
        {
            context.Add($"{path}.end", IssueCodes.OutsideAfternoon, $"Session in {session.Week} ends at {Time(session.End)}, after the common afternoon ends at {Time(afternoon.End)}.");
        }
    }
}
