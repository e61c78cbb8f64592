using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Decoding;

/// <content>The minimum-group-size report: offers that pupils wanted but that run no group.</content>
public static partial class QualityCalculator
{
    /// <summary>
    /// Offers that run no group although at least one pupil ranked them and passes <see cref="CandidateFilter"/>.
    /// InterestedPupils = those pupils; FirstChoicePupils = those who ranked it first; ShortBy =
    /// max(0, MinGroupSize − InterestedPupils). Ordered by ShortBy, then offer id (ordinal).
    /// </summary>
    internal static ImmutableArray<OfferNearMiss> NearMisses(ProblemIndex index, Allocation allocation)
    {
        var filter = new CandidateFilter(index.Problem, index);
        var running = allocation.Groups.NullToEmpty().Where(g => g is not null).Select(g => g.Offer).ToHashSet();
        var misses = new List<OfferNearMiss>();
        foreach (var offer in index.Offers.Values.Where(o => !running.Contains(o.Id)))
        {
            var interested = 0;
            var first = 0;
            foreach (var pupil in index.Pupils.Values)
            {
                var choice = pupil.Choices.NullToEmpty().FirstOrDefault(c => c is not null && c.Offer == offer.Id);
                if (choice is null || !filter.Check(pupil, offer).IsFeasible)
                {
                    continue;
                }

                interested++;
                first += choice.Rank == 1 ? 1 : 0;
            }

            if (interested > 0)
            {
                misses.Add(new OfferNearMiss
                {
                    Offer = offer.Id,
                    MinGroupSize = offer.MinGroupSize,
                    InterestedPupils = interested,
                    FirstChoicePupils = first,
                    ShortBy = Math.Max(0, offer.MinGroupSize - interested),
                });
            }
        }

        return [.. misses.OrderBy(m => m.ShortBy).ThenBy(m => m.Offer.Value, StringComparer.Ordinal)];
    }
}
