using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Explanation.Diagnosis;

/// <summary>Turns the assumptions of a minimal core into domain reasons with facts (names, weeks, numbers), never solver terms.</summary>
internal static class DiagnosisReasons
{
    public static ExplanationReason For(ExplanationContext context, DiagnosisAssumption assumption, Pupil? target)
    {
        var offer = context.Index.Offers[assumption.Offer];
        var subject = offer.Id.Value ?? "";
        var reason = assumption.Kind switch
        {
            AssumptionKind.Candidate => ChoiceAnalysis.CandidateReason(context, context.Index.Pupils[assumption.Pupil!.Value], offer, context.Filter.Check(context.Index.Pupils[assumption.Pupil!.Value], offer)),
            AssumptionKind.GroupMaximum => new FactList().Add("limit", "group").Add("groups", Math.Max(1, offer.MaxParallelGroups))
                .Add("maximum", offer.MaxGroupSize).Add("holders", context.HoldersOf(offer.Id).Length).Reason(ExplanationCodes.GroupFull, subject),
            AssumptionKind.GroupMinimum => Minimum(context, offer),
            AssumptionKind.OpenSeats => new FactList().Add("open-seats", offer.OpenSeats)
                .Add("host-school", HostName(context, offer))
                .Reason(ExplanationCodes.OpenSeatsUsed, subject),
            AssumptionKind.VenueCapacity => Venue(context, offer, assumption.Venue!.Value, assumption.Week!.Value),
            AssumptionKind.StaffInWeek => Staff(context, offer, assumption.Week!.Value, target),
            AssumptionKind.KitsInWeek => Kits(context, offer, assumption.Kit!.Value, assumption.Week!.Value),
            _ => new FactList().Reason(assumption.Kind.ToString(), subject),
        };
        return reason with { Facts = [.. reason.Facts, new ExplanationFact("offer-name", offer.Name), new ExplanationFact("provider", offer.ProviderName)] };
    }

    private static string HostName(ExplanationContext context, ElectiveOffer offer) =>
        offer.HostSchool is { } host ? (context.Index.Schools.TryGetValue(host, out var school) ? school.Name : host.Value ?? "") : "";

    private static ExplanationReason Minimum(ExplanationContext context, ElectiveOffer offer)
    {
        var interested = ChoiceAnalysis.Interested(context, offer);
        var own = interested.Count(p => PriorityRule.IsOwn(p, offer));
        var facts = new FactList()
            .Add("interested-pupils", interested.Count)
            .Add("could-join", own + Math.Min(interested.Count - own, Math.Max(0, offer.OpenSeats)))
            .Add("minimum", offer.MinGroupSize);
        var groups = context.GroupsOf(offer.Id);
        if (!groups.IsEmpty)
        {
            facts.Add("smallest-group", groups.Min(g => g.Pupils.NullToEmpty().Distinct().Count()));
        }

        return facts.Reason(ExplanationCodes.GroupBelowMinimum, offer.Id.Value ?? "");
    }

    private static ExplanationReason Venue(ExplanationContext context, ElectiveOffer offer, VenueId id, Week week)
    {
        var venue = context.Index.Venues[id];
        var capacity = venue.CapacityIn(week);
        var facts = new FactList().Add("week", week).Add("venue", venue.Name);
        if (capacity <= 0)
        {
            return facts.Reason(ExplanationCodes.VenueClosedInWeek, offer.Id.Value ?? "");
        }

        return facts.Add("limit", "venue").Add("capacity", capacity).Add("in-use", context.VenueLoad(id, week)).Reason(ExplanationCodes.GroupFull, offer.Id.Value ?? "");
    }

    private static ExplanationReason Kits(ExplanationContext context, ElectiveOffer offer, KitId id, Week week)
    {
        var kit = context.Index.Kits[id];
        var needed = offer.Kits.NullToEmpty().Where(k => k is not null && k.Kit == id).Sum(k => k.CountPerGroup);
        return new FactList().Add("week", week).Add("kit", kit.Name).Add("kit-count", kit.Count).Add("in-use", context.KitUse(id, week))
            .Add("kits-needed", needed).Reason(ExplanationCodes.KitsUsedUpInWeek, offer.Id.Value ?? "");
    }

    /// <summary>
    /// The staff reason in the planner's words: the group the subject needs (the smallest running group plus the pupil,
    /// or a minimum group), the staff that needs, and who of the staff able to staff it is absent, out of reach or with
    /// another group (per the plan).
    /// </summary>
    private static ExplanationReason Staff(ExplanationContext context, ElectiveOffer offer, Week week, Pupil? target)
    {
        var groups = context.GroupsOf(offer.Id);
        var size = groups.IsEmpty
            ? Math.Max(1, offer.MinGroupSize)
            : groups.Min(g => g.Pupils.NullToEmpty().Distinct().Count()) + (target is null ? 0 : 1);
        var sessions = ExplanationContext.SessionsIn(offer, week);
        var kind = sessions.Any(s => s.Kind == SessionKind.Practical) ? SessionKind.Practical : SessionKind.Theory;
        var own = groups.SelectMany(g => g.Staffing.NullToEmpty().Where(e => e is not null && e.Week == week).SelectMany(e => e.Staff.NullToEmpty())).ToHashSet();
        int canStaff = 0, absent = 0, outOfReach = 0, busy = 0, available = 0;
        foreach (var staff in context.Index.Staff.Values.Where(s => StaffRules.CanStaff(s, offer, context.Rules)))
        {
            canStaff++;
            if (!staff.IsAvailableIn(week))
            {
                absent++;
            }
            else if (!sessions.All(s => StaffRules.CanReach(staff, s, context.Problem.Afternoon, context.Index.Travel)))
            {
                outOfReach++;
            }
            else if (context.IsBusy(staff.Id, week) && !own.Contains(staff.Id))
            {
                busy++;
            }
            else if (StaffRules.CountsForRatio(staff, context.Rules))
            {
                available++;
            }
        }

        var venues = string.Join(", ", sessions.Select(x => context.Index.Venues.TryGetValue(x.Venue, out var v) ? v.Name : x.Venue.Value ?? "").Distinct());
        return new FactList()
            .Add("week", week)
            .Add("venue", venues)
            .Add("group-size", size)
            .Add("staff-needed", StaffRules.RequiredStaff(size, kind, context.Rules))
            .Add("qualified-docent-needed", context.Rules.RequireQualifiedDocentPerGroup)
            .Add("staff-available", available)
            .Add("staff-who-can-staff", canStaff)
            .Add("staff-absent", absent)
            .Add("staff-out-of-reach", outOfReach)
            .Add("staff-busy", busy)
            .Reason(ExplanationCodes.NoStaffInWeek, offer.Id.Value ?? "");
    }
}
