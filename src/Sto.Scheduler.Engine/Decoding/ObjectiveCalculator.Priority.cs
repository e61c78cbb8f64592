using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Decoding;

/// <content>Tier 5, priority: own pupils on reserved seats first, then the lottery.</content>
public static partial class ObjectiveCalculator
{
    /// <summary>
    /// priority = −OwnBonus × Σ over offers with a host school of min(own pupils placed in it, OwnPupilSeats)
    /// + Σ over pupils of (N + 1 − lottery(p)) × U − Σ over placements of (N + 1 − lottery(p)) × (U − cost(rank)),
    /// i.e. each pupil's outcome (cost of the rank, or U = maxCost + 1 when unplaced) weighted by the lottery, with
    /// OwnBonus = U × N × (N + 1) + 1, N = pupils with a lottery number (<see cref="LotteryDraw.Draw"/>) and
    /// maxCost = <see cref="MaxRankCost"/>. The bonus exceeds any possible lottery sum, so reserved seats for own
    /// pupils always come first; then a lower lottery number wins a seat or a better rank.
    /// </summary>
    private static long Priority(ProblemIndex index, ImmutableArray<KnownPlacement> placements, ObjectiveSettings objective)
    {
        var lottery = index.Lottery;
        long n = lottery.Count;
        var unplacedCost = MaxRankCost(index, objective) + 1;
        var ownBonus = checked((unplacedCost * n * (n + 1)) + 1);

        long ownSeatsUsed = 0;
        foreach (var offer in placements.Select(p => p.Offer).DistinctBy(o => o.Id))
        {
            if (offer.HostSchool is not { } host)
            {
                continue;
            }

            var own = placements
                .Where(p => p.Offer.Id == offer.Id && p.Pupil.School == host)
                .Select(p => p.Pupil.Id)
                .Distinct()
                .Count();
            ownSeatsUsed = checked(ownSeatsUsed + Math.Min(own, Math.Max(0, offer.OwnPupilSeats)));
        }

        var total = checked(-ownBonus * ownSeatsUsed);
        foreach (var (_, number) in lottery)
        {
            total = checked(total + ((n + 1 - number) * unplacedCost));
        }

        foreach (var known in placements)
        {
            if (lottery.TryGetValue(known.Pupil.Id, out var number))
            {
                total = checked(total - ((n + 1 - number) * (unplacedCost - objective.RankCost(known.Placement.Rank))));
            }
        }

        return total;
    }

    /// <summary>
    /// The largest rank cost: the maximum of <see cref="ObjectiveSettings.RankCosts"/> (ranks beyond the list cost
    /// the last entry); when the list is empty, the largest cost of any rank a pupil gave.
    /// </summary>
    internal static long MaxRankCost(ProblemIndex index, ObjectiveSettings objective)
    {
        if (!objective.RankCosts.IsDefaultOrEmpty)
        {
            return objective.RankCosts.Max();
        }

        var ranks = index.Pupils.Values
            .SelectMany(p => p.Choices.NullToEmpty())
            .Where(c => c is not null)
            .Select(c => c.Rank);
        return ranks.Select(objective.RankCost).DefaultIfEmpty(0).Max();
    }
}
