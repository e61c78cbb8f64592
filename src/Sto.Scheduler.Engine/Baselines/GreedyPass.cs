namespace Sto.Scheduler.Engine.Baselines;

/// <summary>
/// The greedy rounds: pupils in arrival order take their best feasible choice that still has room under every
/// hard rule, joining an open group or opening the next parallel group. Groups below the minimum size then close
/// and their pupils (and everyone still short of placements) try again with their remaining choices.
/// </summary>
internal sealed class GreedyPass(GreedyState state)
{
    private readonly GreedyStaffing _staffing = new(state);

    public void Run(IReadOnlyList<int> order)
    {
        // Every closed group takes at least one (pupil, offer) pair out of play for good, so the rounds are bounded
        // by the number of feasible choices; the explicit cap only guards against a future bug.
        var maxRounds = 1 + state.Pupils.Sum(p => p.Choices.Length);
        for (var round = 0; round < maxRounds; round++)
        {
            foreach (var pupil in order)
            {
                PlaceAsFarAsPossible(pupil);
            }

            if (CloseSmallGroups() == 0)
            {
                return;
            }
        }
    }

    private void PlaceAsFarAsPossible(int pupilIndex)
    {
        var pupil = state.Pupils[pupilIndex];
        var limit = state.Rules.MaxPlacementsPerPupil;
        foreach (var choice in pupil.Choices)
        {
            if (pupil.Placements.Count >= limit)
            {
                return;
            }

            if (GreedyPupilRules.MayTake(state, pupil, choice))
            {
                TryPlace(pupilIndex, choice);
            }
        }
    }

    private bool TryPlace(int pupilIndex, GreedyChoice choice)
    {
        var offer = state.Offers[choice.OfferIndex];
        if (offer.HasUnknownVenue || (choice.IsFromOtherSchool && offer.OtherSchoolPupils >= offer.Offer.OpenSeats))
        {
            return false;
        }

        foreach (var group in offer.Groups)
        {
            if (TryJoin(offer, group, isNew: false))
            {
                Commit(pupilIndex, choice, offer, group, isNew: false);
                return true;
            }
        }

        if (offer.Groups.Count < offer.Offer.MaxParallelGroups)
        {
            var group = new GreedyGroup(offer.Meetings.Length);
            if (TryJoin(offer, group, isNew: true))
            {
                offer.Groups.Add(group);
                Commit(pupilIndex, choice, offer, group, isNew: true);
                return true;
            }
        }

        return false;
    }

    private bool TryJoin(GreedyOffer offer, GreedyGroup group, bool isNew)
    {
        var size = group.Pupils.Count + 1;
        if (size > offer.Offer.MaxGroupSize)
        {
            return false;
        }

        foreach (var meeting in offer.Meetings)
        {
            if (!state.Ledger.VenuesHaveRoom(meeting, 1) || (isNew && !state.Ledger.KitsLeftFor(meeting)))
            {
                return false;
            }
        }

        for (var m = 0; m < offer.Meetings.Length; m++)
        {
            if (!_staffing.TryStaff(offer, group, m, size))
            {
                _staffing.Undo();
                return false;
            }
        }

        _staffing.Commit();
        return true;
    }

    private void Commit(int pupilIndex, GreedyChoice choice, GreedyOffer offer, GreedyGroup group, bool isNew)
    {
        foreach (var meeting in offer.Meetings)
        {
            state.Ledger.UseVenues(meeting, 1);
            if (isNew)
            {
                state.Ledger.UseKitsFor(meeting, 1);
            }
        }

        group.Pupils.Add(pupilIndex);
        if (choice.IsFromOtherSchool)
        {
            group.OtherSchoolPupils++;
            offer.OtherSchoolPupils++;
        }

        state.Pupils[pupilIndex].Placements.Add((choice, group));
    }

    private int CloseSmallGroups()
    {
        var closed = 0;
        foreach (var offer in state.Offers)
        {
            var small = offer.Groups.FindAll(g => g.Pupils.Count < offer.Offer.MinGroupSize);
            foreach (var group in small)
            {
                Close(offer, group);
                closed++;
            }
        }

        return closed;
    }

    private void Close(GreedyOffer offer, GreedyGroup group)
    {
        for (var m = 0; m < offer.Meetings.Length; m++)
        {
            state.Ledger.UseVenues(offer.Meetings[m], -group.Pupils.Count);
            state.Ledger.UseKitsFor(offer.Meetings[m], -1);
            foreach (var staff in group.Staff[m])
            {
                state.Ledger.SetStaffBusy(staff, offer.Meetings[m].WeekSlot, false);
            }
        }

        foreach (var pupilIndex in group.Pupils)
        {
            var pupil = state.Pupils[pupilIndex];
            var placement = pupil.Placements.Find(p => p.Group == group);
            pupil.Placements.Remove(placement);
            pupil.ClosedOnMe.Add(placement.Choice.OfferIndex);
        }

        offer.OtherSchoolPupils -= group.OtherSchoolPupils;
        offer.Groups.Remove(group);
    }
}
