using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Explanation;

/// <summary>
/// Computes <see cref="FairnessMetrics"/> from a problem and an allocation (issue 4). Justified envy: a pair (p, o)
/// where p would rather have o than their result (unplaced, or o ranked better than their worst placement), p passes
/// the candidate rules for o, and o holds a pupil q with lower priority for o than p: q ranked o worse than p did, or
/// the same rank and q is not an own pupil of o's host while p is, or the same rank and own status and q has the
/// higher lottery number.
/// </summary>
public static class FairnessReport
{
    /// <summary>All metrics; see each field of <see cref="FairnessMetrics"/>.</summary>
    public static FairnessMetrics Calculate(SchedulingProblem problem, Allocation allocation)
    {
        var context = new ExplanationContext(problem, allocation);
        var pupils = context.Index.Pupils.Values.OrderBy(p => p.Id.Value, StringComparer.Ordinal).ToArray();
        var firstChoice = pupils.Where(p => context.PlacementsOf(p.Id).Any(x => x.Rank == 1)).Select(p => p.Id).ToHashSet();
        var pairs = EnvyPairs(context, pupils);

        return new FairnessMetrics
        {
            PupilCount = pupils.Length,
            FirstChoiceRate = Share(firstChoice.Count, pupils.Length),
            BySchool =
            [
                .. pupils.GroupBy(p => p.School.Value ?? "").OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => Tally(g.Key, g, firstChoice)),
            ],
            ByLearningPath = [.. pupils.GroupBy(p => p.Path).OrderBy(g => g.Key).Select(g => Tally(g.Key.ToCode(), g, firstChoice))],
            WorstRank = pupils.SelectMany(p => context.PlacementsOf(p.Id)).Select(x => x.Rank).DefaultIfEmpty(0).Max(),
            UnplacedCount = pupils.Count(p => context.PlacementsOf(p.Id).IsEmpty),
            JustifiedEnvyCount = pairs.Length,
            EnvyPairs = pairs,
            EnviousPupils = [.. pairs.Select(p => p.Pupil).Distinct()],
        };
    }

    private static ImmutableArray<EnvyPair> EnvyPairs(ExplanationContext context, Pupil[] pupils)
    {
        var pairs = ImmutableArray.CreateBuilder<EnvyPair>();
        foreach (var pupil in pupils)
        {
            foreach (var choice in pupil.Choices.NullToEmpty().Where(c => c is not null).OrderBy(c => c.Offer.Value, StringComparer.Ordinal))
            {
                if (!context.Prefers(pupil, choice)
                    || !context.Index.Offers.TryGetValue(choice.Offer, out var offer)
                    || !context.Filter.Check(pupil, offer).IsFeasible)
                {
                    continue;
                }

                if (context.HoldersOf(offer.Id).Any(holder => holder.Id != pupil.Id && PriorityRule.IsLower(context, holder, pupil, offer)))
                {
                    pairs.Add(new EnvyPair(pupil.Id, offer.Id));
                }
            }
        }

        return pairs.ToImmutable();
    }

    private static FirstChoiceTally Tally(string key, IEnumerable<Pupil> group, HashSet<PupilId> firstChoice)
    {
        var members = group.ToArray();
        var first = members.Count(p => firstChoice.Contains(p.Id));
        return new FirstChoiceTally(key, members.Length, first, Share(first, members.Length));
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
