using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Explanation;

/// <summary>
/// Who comes first for a seat in an offer (docs/rules.md, objective tiers 2 and 5): the better rank, then the host
/// school's own pupil, then the lower lottery number.
/// </summary>
internal static class PriorityRule
{
    /// <summary>
    /// True when <paramref name="holder"/> has lower priority for <paramref name="offer"/> than <paramref name="pupil"/>:
    /// the holder ranked it worse, or ranked it the same and is not an own pupil of the host while the pupil is, or has
    /// the same own-pupil status and a higher lottery number.
    /// </summary>
    public static bool IsLower(ExplanationContext context, Pupil holder, Pupil pupil, ElectiveOffer offer)
    {
        var holderRank = ExplanationContext.RankOf(holder, offer.Id) ?? int.MaxValue;
        var pupilRank = ExplanationContext.RankOf(pupil, offer.Id) ?? int.MaxValue;
        if (holderRank != pupilRank)
        {
            return holderRank > pupilRank;
        }

        var holderOwn = IsOwn(holder, offer);
        var pupilOwn = IsOwn(pupil, offer);
        if (holderOwn != pupilOwn)
        {
            return pupilOwn;
        }

        return context.LotteryOf(holder.Id) > context.LotteryOf(pupil.Id);
    }

    /// <summary>True when the pupil is one of the host school's own pupils.</summary>
    public static bool IsOwn(Pupil pupil, ElectiveOffer offer) => offer.HostSchool is { } host && pupil.School == host;
}
