using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Explanation;

/// <content>Why an offer runs no group: too few pupils, or a week without venue, staff or kits, or a trade-off.</content>
internal static partial class ChoiceAnalysis
{
    /// <summary>
    /// The reason an offer runs no group. Pupils who could join = eligible and reachable pupils who ranked it, with
    /// pupils of other schools capped at its open seats. With at least the minimum, the first week (ascending) whose
    /// venue is closed, whose free staff cannot staff a minimum group, whose venue has fewer free places than the
    /// minimum, or whose kits are all in use; otherwise a trade-off.
    /// </summary>
    public static ExplanationReason ClosedOfferReason(ExplanationContext context, ElectiveOffer offer)
    {
        var subject = offer.Id.Value ?? "";
        var interested = Interested(context, offer);
        var couldJoin = CouldJoin(offer, interested);
        if (couldJoin < offer.MinGroupSize)
        {
            return new FactList()
                .Add("interested-pupils", interested.Count)
                .Add("could-join", couldJoin)
                .Add("minimum", offer.MinGroupSize)
                .Reason(ExplanationCodes.OfferDidNotRun, subject);
        }

        foreach (var week in ExplanationContext.MeetingWeeks(offer))
        {
            if (WeekBlocker(context, offer, week, couldJoin) is { } blocker)
            {
                return blocker;
            }
        }

        var preferring = interested.Count(p => context.Prefers(p, p.Choices.First(c => c is not null && c.Offer == offer.Id)));
        return new FactList()
            .Add("pupils-preferring", preferring)
            .Add("minimum", offer.MinGroupSize)
            .Reason(ExplanationCodes.TradeOff, subject);
    }

    /// <summary>How many of the interested pupils could join a group: the host's own, plus others up to the open seats.</summary>
    public static int CouldJoin(ElectiveOffer offer, IReadOnlyCollection<Pupil> interested)
    {
        var own = interested.Count(p => PriorityRule.IsOwn(p, offer));
        return own + Math.Min(interested.Count - own, Math.Max(0, offer.OpenSeats));
    }

    /// <summary>The interested pupils who would rather have the offer than what they got.</summary>
    public static IEnumerable<Pupil> Wanting(ExplanationContext context, ElectiveOffer offer, IEnumerable<Pupil> interested) =>
        interested.Where(p => context.Prefers(p, p.Choices.First(c => c is not null && c.Offer == offer.Id)));

    /// <summary>Pupils who ranked the offer and pass the candidate rules for it.</summary>
    public static List<Pupil> Interested(ExplanationContext context, ElectiveOffer offer) =>
    [
        .. context.Index.Pupils.Values
            .Where(p => ExplanationContext.RankOf(p, offer.Id) is not null && context.Filter.Check(p, offer).IsFeasible)
            .OrderBy(p => p.Id.Value, StringComparer.Ordinal),
    ];

    private static ExplanationReason? WeekBlocker(ExplanationContext context, ElectiveOffer offer, Week week, int couldJoin)
    {
        var subject = offer.Id.Value ?? "";
        var sessions = ExplanationContext.SessionsIn(offer, week);
        foreach (var session in sessions)
        {
            if (context.Index.Venues.TryGetValue(session.Venue, out var venue) && venue.CapacityIn(week) <= 0)
            {
                return new FactList().Add("week", week).Add("venue", venue.Name).Reason(ExplanationCodes.VenueClosedInWeek, subject);
            }
        }

        var minimum = Math.Max(1, offer.MinGroupSize);
        var needed = sessions.Select(s => StaffRules.RequiredStaff(minimum, s.Kind, context.Rules)).DefaultIfEmpty(0).Max();
        var supply = StaffSupply.For(context, offer, week);
        if (!supply.Covers(needed, context.Rules.RequireQualifiedDocentPerGroup))
        {
            return StaffFacts(new FactList().Add("week", week).Add("group-size", minimum).Add("interested-pupils", couldJoin), context, needed, supply)
                .Reason(ExplanationCodes.NoStaffInWeek, subject);
        }

        foreach (var session in sessions)
        {
            if (context.Index.Venues.TryGetValue(session.Venue, out var venue))
            {
                var capacity = venue.CapacityIn(week);
                var free = capacity - context.VenueLoad(venue.Id, week);
                if (free < minimum)
                {
                    return new FactList().Add("week", week).Add("venue", venue.Name).Add("capacity", capacity)
                        .Add("free-places", Math.Max(0, free)).Add("minimum", minimum)
                        .Reason(ExplanationCodes.VenueFullInWeek, subject);
                }
            }
        }

        foreach (var need in offer.Kits.NullToEmpty().Where(k => k is not null))
        {
            var count = context.Index.Kits.TryGetValue(need.Kit, out var kit) ? kit.Count : 0;
            var inUse = context.KitUse(need.Kit, week);
            if (count - inUse < need.CountPerGroup)
            {
                return new FactList().Add("week", week).Add("kit", kit?.Name ?? need.Kit.Value ?? "").Add("kit-count", count)
                    .Add("kits-in-use", inUse).Add("kits-needed", need.CountPerGroup)
                    .Reason(ExplanationCodes.KitsUsedUpInWeek, subject);
            }
        }

        return null;
    }

    private static FactList StaffFacts(FactList facts, ExplanationContext context, int needed, StaffSupply supply) => facts
        .Add("staff-needed", needed)
        .Add("staff-available", supply.FreeCounting)
        .Add("qualified-docent-needed", context.Rules.RequireQualifiedDocentPerGroup)
        .Add("qualified-docents-available", supply.FreeQualifiedDocents)
        .Add("staff-who-can-staff", supply.CanStaff)
        .Add("staff-absent", supply.Absent)
        .Add("staff-out-of-reach", supply.OutOfReach)
        .Add("staff-busy", supply.Busy);
}
