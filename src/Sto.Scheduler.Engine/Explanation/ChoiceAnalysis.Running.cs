using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Explanation;

/// <content>Why the running groups of an offer took no one more: full, open seats used, staff, or a trade-off.</content>
internal static partial class ChoiceAnalysis
{
    private static ImmutableArray<ExplanationReason> RunningOfferReasons(ExplanationContext context, Pupil pupil, ElectiveOffer offer)
    {
        var subject = offer.Id.Value ?? "";
        var groups = context.GroupsOf(offer.Id);
        var holders = context.HoldersOf(offer.Id);
        var main = FullReason(context, pupil, offer, groups, holders);
        var rivals = holders;
        if (main is null && CandidateFilter.IsFromOtherSchool(pupil, offer))
        {
            rivals = [.. holders.Where(h => CandidateFilter.IsFromOtherSchool(h, offer))];
            if (rivals.Length >= offer.OpenSeats)
            {
                main = PriorityFacts(new FactList().Add("open-seats", offer.OpenSeats).Add("host-school", SchoolName(context, offer.HostSchool)), context, pupil, offer, rivals)
                    .Reason(ExplanationCodes.OpenSeatsUsed, subject);
            }
            else
            {
                rivals = holders;
            }
        }

        main ??= MoreStaffReason(context, offer, groups) ?? TradeOffReason(context, pupil, offer);
        var envious = rivals.Any(h => PriorityRule.IsLower(context, h, pupil, offer));
        return envious ? [main, new FactList().Reason(ExplanationCodes.JustifiedEnvy, subject)] : [main];
    }

    /// <summary>group-full when every running group is at its maximum, or a venue of the offer is at capacity in a week.</summary>
    private static ExplanationReason? FullReason(ExplanationContext context, Pupil pupil, ElectiveOffer offer, ImmutableArray<GroupPlan> groups, ImmutableArray<Pupil> holders)
    {
        var facts = new FactList();
        if (groups.All(g => g.Pupils.NullToEmpty().Distinct().Count() >= offer.MaxGroupSize))
        {
            facts.Add("limit", "group").Add("groups", groups.Length).Add("seats", groups.Length * offer.MaxGroupSize);
        }
        else if (FullVenue(context, offer) is { } full)
        {
            facts.Add("limit", "venue").Add("venue", full.Venue.Name).Add("week", full.Week).Add("capacity", full.Venue.CapacityIn(full.Week));
        }
        else
        {
            return null;
        }

        return PriorityFacts(facts, context, pupil, offer, holders).Reason(ExplanationCodes.GroupFull, offer.Id.Value ?? "");
    }

    private static (Venue Venue, Week Week)? FullVenue(ExplanationContext context, ElectiveOffer offer)
    {
        foreach (var session in offer.Sessions.NullToEmpty().Where(s => s is not null).OrderBy(s => s.Week))
        {
            if (context.Index.Venues.TryGetValue(session.Venue, out var venue)
                && context.VenueLoad(venue.Id, session.Week) + 1 > venue.CapacityIn(session.Week))
            {
                return (venue, session.Week);
            }
        }

        return null;
    }

    private static FactList PriorityFacts(FactList facts, ExplanationContext context, Pupil pupil, ElectiveOffer offer, ImmutableArray<Pupil> holders)
    {
        var lower = holders.Count(h => PriorityRule.IsLower(context, h, pupil, offer));
        return facts.Add("holders", holders.Length).Add("holders-with-priority", holders.Length - lower);
    }

    /// <summary>
    /// more-staff-needed when every group with a seat left would, with one more pupil, need more staff in some week
    /// than it has, and no free staff member can come that week.
    /// </summary>
    private static ExplanationReason? MoreStaffReason(ExplanationContext context, ElectiveOffer offer, ImmutableArray<GroupPlan> groups)
    {
        FactList? first = null;
        foreach (var group in groups)
        {
            var size = group.Pupils.NullToEmpty().Distinct().Count();
            if (size >= offer.MaxGroupSize)
            {
                continue;
            }

            var blocked = BlockedWeek(context, offer, group, size);
            if (blocked is null)
            {
                return null;
            }

            first ??= blocked;
        }

        return first?.Reason(ExplanationCodes.MoreStaffNeeded, offer.Id.Value ?? "");
    }

    private static FactList? BlockedWeek(ExplanationContext context, ElectiveOffer offer, GroupPlan group, int size)
    {
        foreach (var week in ExplanationContext.MeetingWeeks(offer))
        {
            var needed = ExplanationContext.SessionsIn(offer, week).Select(s => StaffRules.RequiredStaff(size + 1, s.Kind, context.Rules)).DefaultIfEmpty(0).Max();
            var present = group.Staffing.NullToEmpty().Where(e => e is not null && e.Week == week)
                .SelectMany(e => e.Staff.NullToEmpty()).Distinct()
                .Count(id => context.Index.Staff.TryGetValue(id, out var staff) && StaffRules.CountsForRatio(staff, context.Rules));
            if (needed > present && StaffSupply.For(context, offer, week).FreeCounting < needed - present)
            {
                return new FactList().Add("group", group.Group).Add("group-size", size).Add("week", week)
                    .Add("staff-now", present).Add("staff-needed", needed);
            }
        }

        return null;
    }

    /// <summary>
    /// trade-off: no rule blocks the seat. When the pupil's own group is at its minimum, moving them would have
    /// closed it and pushed its other pupils to a worse choice; that is said.
    /// </summary>
    private static ExplanationReason TradeOffReason(ExplanationContext context, Pupil pupil, ElectiveOffer offer)
    {
        var facts = new FactList();
        foreach (var placement in context.PlacementsOf(pupil.Id))
        {
            var current = context.Index.Offers[placement.Offer];
            var group = context.GroupsOf(current.Id).FirstOrDefault(g => g.Group == placement.Group);
            var size = group?.Pupils.NullToEmpty().Distinct().Count() ?? 0;
            if (group is not null && size <= current.MinGroupSize)
            {
                facts.Add("current-offer", current.Name).Add("current-group-size", size).Add("current-minimum", current.MinGroupSize);
                break;
            }
        }

        return facts.Reason(ExplanationCodes.TradeOff, offer.Id.Value ?? "");
    }
}
