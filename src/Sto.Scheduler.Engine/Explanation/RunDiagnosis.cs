using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Explanation;

/// <summary>
/// Tells the planner, in domain terms, why pupils were left out and why offers that enough pupils could take did not
/// run (issue 4, ANCHORS §5.6): the smallest set of reasons, grouped and counted, never solver output.
/// </summary>
public static class RunDiagnosis
{
    private static readonly ImmutableHashSet<string> PupilSpecificFacts =
        ["holders-with-priority", "current-offer", "current-group-size", "current-minimum"];

    /// <summary>
    /// Findings ordered by the number of pupils they affect (most first), then code and subject (ordinal).
    /// Unplaced pupils with no choice passing the candidate rules form one <see cref="ExplanationCodes.PupilsWithoutFeasibleChoice"/>
    /// finding; for the others, the main reason of each feasible choice is collected and a greedy cover picks the fewest
    /// reasons that account for every such pupil. Each offer that ran no group although at least its minimum could join
    /// adds its reason, with the pupils who would rather have had it.
    /// </summary>
    public static ImmutableArray<DiagnosisFinding> Diagnose(SchedulingProblem problem, Allocation allocation)
    {
        var context = new ExplanationContext(problem, allocation);
        var findings = new Dictionary<string, (ExplanationReason Reason, SortedSet<string> Pupils)>(StringComparer.Ordinal);
        var candidates = new Dictionary<string, (ExplanationReason Reason, SortedSet<string> Pupils)>(StringComparer.Ordinal);
        var withoutChoice = new SortedSet<string>(StringComparer.Ordinal);
        var failedRules = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var pupil in context.Index.Pupils.Values.Where(p => context.PlacementsOf(p.Id).IsEmpty).OrderBy(p => p.Id.Value, StringComparer.Ordinal))
        {
            var choices = pupil.Choices.NullToEmpty().Where(c => c is not null).OrderBy(c => c.Rank).ToArray();
            var reasons = choices.Select(c => ChoiceAnalysis.Blocked(context, pupil, c)[0]).ToArray();
            if (reasons.All(r => IsCandidateCode(r.Code)))
            {
                withoutChoice.Add(pupil.Id.Value);
                foreach (var code in reasons.Select(r => r.Code).Distinct())
                {
                    failedRules[code] = failedRules.GetValueOrDefault(code) + 1;
                }

                continue;
            }

            foreach (var reason in reasons.Where(r => !IsCandidateCode(r.Code)))
            {
                Collect(candidates, reason, [pupil.Id.Value]);
            }
        }

        foreach (var key in Cover(candidates))
        {
            Collect(findings, candidates[key].Reason, candidates[key].Pupils);
        }

        AddClosedOffers(context, findings);
        var result = findings.Values.Select(f => Finding(context, f.Reason, f.Pupils)).ToList();
        if (withoutChoice.Count > 0)
        {
            var facts = new FactList().Add("pupils", withoutChoice.Count);
            foreach (var (code, count) in failedRules.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal))
            {
                facts.Add(code, count);
            }

            result.Add(Finding(context, facts.Reason(ExplanationCodes.PupilsWithoutFeasibleChoice, ""), withoutChoice));
        }

        return
        [
            .. result.OrderByDescending(f => f.PupilCount)
                .ThenBy(f => f.Code, StringComparer.Ordinal)
                .ThenBy(f => f.Reason.Subject, StringComparer.Ordinal),
        ];
    }

    private static void AddClosedOffers(ExplanationContext context, Dictionary<string, (ExplanationReason Reason, SortedSet<string> Pupils)> findings)
    {
        foreach (var offer in context.Index.Offers.Values.Where(o => context.GroupsOf(o.Id).IsEmpty).OrderBy(o => o.Id.Value, StringComparer.Ordinal))
        {
            var reason = ChoiceAnalysis.ClosedOfferReason(context, offer);
            if (reason.Code == ExplanationCodes.OfferDidNotRun)
            {
                continue;
            }

            var affected = ChoiceAnalysis.Wanting(context, offer, ChoiceAnalysis.Interested(context, offer))
                .Select(p => p.Id.Value)
                .ToArray();
            if (affected.Length > 0)
            {
                Collect(findings, reason, affected);
            }
        }
    }

    /// <summary>Greedy set cover: repeatedly the reason that accounts for most pupils not yet accounted for.</summary>
    private static List<string> Cover(Dictionary<string, (ExplanationReason Reason, SortedSet<string> Pupils)> candidates)
    {
        var uncovered = new HashSet<string>(candidates.Values.SelectMany(c => c.Pupils), StringComparer.Ordinal);
        var chosen = new List<string>();
        while (uncovered.Count > 0)
        {
            var best = candidates
                .OrderByDescending(c => c.Value.Pupils.Count(uncovered.Contains))
                .ThenBy(c => c.Key, StringComparer.Ordinal)
                .First();
            chosen.Add(best.Key);
            uncovered.ExceptWith(best.Value.Pupils);
        }

        return chosen;
    }

    private static void Collect(Dictionary<string, (ExplanationReason Reason, SortedSet<string> Pupils)> map, ExplanationReason reason, IEnumerable<string> pupils)
    {
        var key = string.Join('|', reason.Code, reason.Subject, reason.Fact("week") ?? "");
        if (!map.TryGetValue(key, out var entry))
        {
            var facts = reason.Facts.Where(f => !PupilSpecificFacts.Contains(f.Key)).ToImmutableArray();
            entry = (reason with { Facts = facts }, new SortedSet<string>(StringComparer.Ordinal));
            map[key] = entry;
        }

        entry.Pupils.UnionWith(pupils);
    }

    private static DiagnosisFinding Finding(ExplanationContext context, ExplanationReason reason, SortedSet<string> pupils)
    {
        var offer = context.Index.Offers.GetValueOrDefault(new OfferId(reason.Subject));
        return new DiagnosisFinding(reason, offer?.Name ?? "", offer?.ProviderName ?? "", [.. pupils.Select(p => new PupilId(p))]);
    }

    private static bool IsCandidateCode(string code) =>
        code is ReasonCodes.UnknownOffer or ReasonCodes.AlreadyCompleted or ReasonCodes.PathNotEligible
            or ReasonCodes.YearNotEligible or ReasonCodes.ProfileNotEligible or ReasonCodes.PrerequisiteMissing
            or ReasonCodes.NotOpenToOtherSchools or ReasonCodes.ExternalNotAllowed or ReasonCodes.ArrivesTooLate
            or ReasonCodes.ReturnsTooLate or ReasonCodes.VenueUnknown;
}
