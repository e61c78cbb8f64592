using Sto.Scheduler.Engine.Decoding;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Validation;

/// <content>The rules about one pupil's placements: H1, H2, H3.</content>
public static partial class AllocationChecker
{
    /// <summary>H1: at most k placements, never the same elective code twice, never two offers meeting in one week.</summary>
    private static void CheckPlacementsPerPupil(CheckContext context)
    {
        var max = context.Rules.MaxPlacementsPerPupil;
        foreach (var byPupil in context.Placements.GroupBy(p => p.Pupil.Id))
        {
            var pupil = Show(byPupil.Key.Value);
            var offers = byPupil.Select(p => p.Offer).DistinctBy(o => o.Id).ToArray();
            var count = byPupil.Count();
            if (count > max)
            {
                context.Add(AllocationRuleIds.PlacementsPerPupil, pupil, $"Pupil {pupil} has {count} placements; at most {max} are allowed.");
            }

            for (var i = 0; i < offers.Length; i++)
            {
                for (var j = i + 1; j < offers.Length; j++)
                {
                    CheckPair(context, pupil, offers[i], offers[j]);
                }
            }
        }
    }

    private static void CheckPair(CheckContext context, string pupil, Domain.ElectiveOffer first, Domain.ElectiveOffer second)
    {
        var a = Show(first.Id.Value);
        var b = Show(second.Id.Value);
        if (string.Equals(first.ElectiveCode, second.ElectiveCode, StringComparison.OrdinalIgnoreCase))
        {
            context.Add(AllocationRuleIds.PlacementsPerPupil, pupil, $"Pupil {pupil} is placed in offers {a} and {b}, which are both elective {first.ElectiveCode}.");
        }

        var shared = PlacementFacts.MeetingWeeks(first).Intersect(PlacementFacts.MeetingWeeks(second)).ToArray();
        if (shared.Length > 0)
        {
            context.Add(AllocationRuleIds.PlacementsPerPupil, pupil, $"Pupil {pupil} is placed in offers {a} and {b}, which both meet in week {shared[0]}.");
        }
    }

    /// <summary>H2: every placement is one of the pupil's choices, at the rank given, and passes the candidate filter.</summary>
    private static void CheckCandidates(CheckContext context)
    {
        foreach (var known in context.Placements)
        {
            var pupil = Show(known.Pupil.Id.Value);
            var offer = Show(known.Offer.Id.Value);
            var choice = known.Pupil.Choices.NullToEmpty().FirstOrDefault(c => c is not null && c.Offer == known.Offer.Id);
            if (choice is null)
            {
                context.Add(AllocationRuleIds.Candidate, pupil, $"Pupil {pupil} is placed in offer {offer}, which is not one of their choices.");
                continue;
            }

            if (choice.Rank != known.Placement.Rank)
            {
                context.Add(AllocationRuleIds.Candidate, pupil, $"Pupil {pupil}'s placement in offer {offer} records rank {known.Placement.Rank}, but the pupil ranked it {choice.Rank}.");
            }

            var verdict = context.Filter.Check(known.Pupil, known.Offer);
            if (!verdict.IsFeasible)
            {
                context.Add(AllocationRuleIds.Candidate, pupil, $"Pupil {pupil} cannot take offer {offer}: {Describe(verdict)}.");
            }
        }
    }

    private static string Describe(CandidateVerdict verdict)
    {
        var text = verdict.Reason;
        if (verdict.Detail.Length > 0)
        {
            text += FormattableString.Invariant($" ({verdict.Detail})");
        }

        if (verdict.Week is { } week)
        {
            text += FormattableString.Invariant($" in week {week}: needs {verdict.NeededMinutes} minutes of travel and changeover, {verdict.AvailableMinutes} available");
        }

        return text;
    }

    /// <summary>H3: at most <c>MaxExternalPlacementsPerPupil</c> placements away from the pupil's own school site.</summary>
    private static void CheckExternalPlacements(CheckContext context)
    {
        var max = context.Rules.MaxExternalPlacementsPerPupil;
        foreach (var byPupil in context.Placements.GroupBy(p => p.Pupil.Id))
        {
            var away = byPupil.Count(p => context.Filter.IsAwayFromOwnSite(p.Pupil, p.Offer));
            if (away > max)
            {
                var pupil = Show(byPupil.Key.Value);
                context.Add(AllocationRuleIds.ExternalPlacements, pupil, $"Pupil {pupil} has {away} placements away from their own school site; at most {max} are allowed.");
            }
        }
    }
}
