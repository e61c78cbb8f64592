namespace Sto.Scheduler.Engine.Baselines;

/// <summary>
/// The per-pupil hard rules of the greedy pass: at most k placements, never the same offer or elective code twice,
/// never two offers meeting in the same week (H1), at most the allowed away placements (H3), and never an offer
/// whose group already closed under the pupil.
/// </summary>
internal static class GreedyPupilRules
{
    public static bool MayTake(GreedyState state, GreedyPupil pupil, GreedyChoice choice)
    {
        if (pupil.Placements.Count >= state.Rules.MaxPlacementsPerPupil || pupil.ClosedOnMe.Contains(choice.OfferIndex))
        {
            return false;
        }

        if (choice.IsAway && pupil.AwayPlacements + 1 > state.Rules.MaxExternalPlacementsPerPupil)
        {
            return false;
        }

        var offer = state.Offers[choice.OfferIndex];
        foreach (var (placed, _) in pupil.Placements)
        {
            var other = state.Offers[placed.OfferIndex];
            if (placed.OfferIndex == choice.OfferIndex
                || string.Equals(other.Offer.ElectiveCode, offer.Offer.ElectiveCode, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            foreach (var meeting in offer.Meetings)
            {
                if (other.MeetsIn(meeting.WeekSlot))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
