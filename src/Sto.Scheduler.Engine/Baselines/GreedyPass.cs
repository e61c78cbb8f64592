namespace Sto.Scheduler.Engine.Baselines;

/// <summary>
/// The greedy rounds: pupils in arrival order take their best feasible choice that still has room under every
/// hard rule, joining an open group or opening the next parallel group. Groups below the minimum size then close
/// and their pupils (and everyone still short of placements) try again with their remaining choices.
/// </summary>
internal sealed class GreedyPass(GreedyState state)
{
    private readonly GreedyStaffing _staffing = new(state);

    private readonly HashSet<int> _cannotOpen = [];

    /// <summary>
    /// When nobody suitable is free, move a busy colleague's place in another group to a free substitute (the
    /// solver's hint uses this; the first-come-first-served baseline does not, as nobody re-plans staff at sign-up).
    /// </summary>
    public bool FreeUpStaff { get; init; }

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

            _cannotOpen.Clear();
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
        if (TryJoinRunningGroup(pupilIndex, choice))
        {
            return true;
        }

        var offer = state.Offers[choice.OfferIndex];

        // Within a round resources only get used up, so an offer that could not open a group cannot later.
        if (IsOpenTo(offer, choice.IsFromOtherSchool) && offer.Groups.Count < offer.Offer.MaxParallelGroups
            && !_cannotOpen.Contains(choice.OfferIndex))
        {
            var group = new GreedyGroup(offer.Meetings.Length);
            if (TryJoin(offer, group, isNew: true))
            {
                offer.Groups.Add(group);
                Commit(pupilIndex, choice, offer, group, isNew: true);
                return true;
            }

            _cannotOpen.Add(choice.OfferIndex);
        }

        return false;
    }

    /// <summary>
    /// Whether one more pupil (from another school or not) could join a running group of the offer. Places nobody; with
    /// <see cref="FreeUpStaff"/> it may hand staff on along substitution chains, which keeps every group staffed.
    /// </summary>
    public bool HasRoomFor(GreedyOffer offer, bool fromOtherSchool)
    {
        if (!IsOpenTo(offer, fromOtherSchool))
        {
            return false;
        }

        foreach (var group in offer.Groups)
        {
            if (TryJoin(offer, group, isNew: false, probeOnly: true))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Places the pupil in a running group of the choice's offer (never a new one); false when none has room.</summary>
    public bool TryJoinRunningGroup(int pupilIndex, GreedyChoice choice)
    {
        var offer = state.Offers[choice.OfferIndex];
        if (!IsOpenTo(offer, choice.IsFromOtherSchool))
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

        return false;
    }

    /// <summary>The offer can take the pupil at all: its venues are known and, for another school's pupil, an open seat is left (H6).</summary>
    private static bool IsOpenTo(GreedyOffer offer, bool fromOtherSchool) =>
        !offer.HasUnknownVenue && !(fromOtherSchool && offer.OtherSchoolPupils >= offer.Offer.OpenSeats);

    /// <summary>
    /// The entering pupil takes the leaving pupil's seat in <paramref name="group"/>: the group's size, venue use and
    /// staffing stay as they are; only the open-seat count follows the two pupils' schools.
    /// </summary>
    public void Replace(GreedyGroup group, int leaving, int entering, GreedyChoice enteringChoice)
    {
        var leaver = state.Pupils[leaving];
        var seat = leaver.Placements.FindIndex(p => p.Group == group);
        var offer = state.Offers[enteringChoice.OfferIndex];
        var otherSchoolChange = (enteringChoice.IsFromOtherSchool ? 1 : 0) - (leaver.Placements[seat].Choice.IsFromOtherSchool ? 1 : 0);
        leaver.Placements.RemoveAt(seat);
        group.Pupils[group.Pupils.IndexOf(leaving)] = entering;
        group.OtherSchoolPupils += otherSchoolChange;
        offer.OtherSchoolPupils += otherSchoolChange;
        state.Pupils[entering].Placements.Add((enteringChoice, group));
    }

    private bool TryJoin(GreedyOffer offer, GreedyGroup group, bool isNew, bool probeOnly = false)
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
            if (!_staffing.TryStaff(offer, group, m, size, FreeUpStaff))
            {
                _staffing.Undo();
                return false;
            }
        }

        if (probeOnly)
        {
            _staffing.Undo();
        }
        else
        {
            _staffing.Commit();
        }

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

        Seat(pupilIndex, choice, offer, group);
    }

    /// <summary>Seats the pupil in the group; the venue seat, kits and staff must already be accounted for.</summary>
    public void Seat(int pupilIndex, GreedyChoice choice, GreedyOffer offer, GreedyGroup group)
    {
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
                state.Ledger.Release(staff, offer.Meetings[m].WeekSlot);
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
