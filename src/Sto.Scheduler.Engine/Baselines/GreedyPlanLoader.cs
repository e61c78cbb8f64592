using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Baselines;

/// <summary>
/// Puts an existing plan (a published allocation, minus what a disruption made impossible) into a fresh greedy state,
/// keeping every group, pupil and staff member that is still allowed: a pupil whose choice no longer passes the
/// candidate filter is left out, a staff member who can no longer be there is dropped and the gap refilled, and a
/// group that can no longer be staffed or housed is closed. The greedy pass and the augmenter then repair from there,
/// so pupils who need not move keep their group.
/// </summary>
internal sealed class GreedyPlanLoader(GreedyState state, GreedyPass pass)
{
    private readonly GreedyStaffing _staffing = new(state);

    public void Load(Allocation plan)
    {
        var staffIndex = state.Staff.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        // A starting plan may come from storage: tolerate repeated groups and placements (the first one counts).
        var groups = plan.Groups.NullToEmpty().Where(g => g is not null).GroupBy(g => (g.Offer, g.Group)).ToDictionary(g => g.Key, g => g.First());
        foreach (var members in plan.Placements.NullToEmpty().Where(p => p is not null).GroupBy(p => (p.Offer, p.Group)).OrderBy(g => g.Key.Offer.Value, StringComparer.Ordinal).ThenBy(g => g.Key.Group))
        {
            if (!state.OfferIndex.TryGetValue(members.Key.Offer, out var offerIndex) || state.Offers[offerIndex].HasUnknownVenue)
            {
                continue;
            }

            var offer = state.Offers[offerIndex];
            var seats = Seats(members, offerIndex);
            if (seats.Count < offer.Offer.MinGroupSize || offer.Groups.Count >= offer.Offer.MaxParallelGroups)
            {
                continue;
            }

            var group = new GreedyGroup(offer.Meetings.Length);
            if (Open(offer, group, seats.Count, groups.GetValueOrDefault(members.Key), staffIndex))
            {
                offer.Groups.Add(group);
                foreach (var (pupil, choice) in seats)
                {
                    pass.Seat(pupil, choice, offer, group);
                }
            }
        }
    }

    /// <summary>The group's pupils who may still take the offer (their choice passes the filter, the open seats hold).</summary>
    /// <remarks>A pupil seated in an earlier group is refused by <see cref="GreedyPupilRules.MayTake"/>; a group never exceeds its maximum.</remarks>
    private List<(int Pupil, GreedyChoice Choice)> Seats(IEnumerable<PupilPlacement> members, int offerIndex)
    {
        var seats = new List<(int, GreedyChoice)>();
        var inGroup = new HashSet<int>();
        var openSeatsLeft = state.Offers[offerIndex].Offer.OpenSeats - state.Offers[offerIndex].OtherSchoolPupils;
        foreach (var placement in members)
        {
            if (seats.Count >= state.Offers[offerIndex].Offer.MaxGroupSize)
            {
                break;
            }

            if (placement is null || !state.PupilIndex.TryGetValue(placement.Pupil, out var pupil) || !inGroup.Add(pupil)
                || Array.Find(state.Pupils[pupil].Choices, c => c.OfferIndex == offerIndex) is not { } choice
                || !GreedyPupilRules.MayTake(state, state.Pupils[pupil], choice)
                || (choice.IsFromOtherSchool && openSeatsLeft-- <= 0))
            {
                continue;
            }

            seats.Add((pupil, choice));
        }

        return seats;
    }

    /// <summary>Reserves venue seats and kits and puts the plan's staff back, refilling any gap; false (and nothing kept) when it cannot.</summary>
    private bool Open(GreedyOffer offer, GreedyGroup group, int size, GroupPlan? plan, Dictionary<StaffId, int> staffIndex)
    {
        foreach (var meeting in offer.Meetings)
        {
            if (!state.Ledger.VenuesHaveRoom(meeting, size) || !state.Ledger.KitsLeftFor(meeting))
            {
                return false;
            }
        }

        for (var m = 0; m < offer.Meetings.Length; m++)
        {
            var meeting = offer.Meetings[m];
            var planned = plan?.Staffing.FirstOrDefault(w => w.Week == meeting.Week)?.Staff ?? [];
            foreach (var id in planned)
            {
                if (staffIndex.TryGetValue(id, out var staff) && Array.IndexOf(meeting.StaffCandidates, staff) >= 0
                    && !state.Ledger.IsStaffBusy(staff, meeting.WeekSlot))
                {
                    _staffing.Keep(offer, group, m, staff);
                }
            }

            if (!_staffing.TryStaff(offer, group, m, size, freeUpStaff: true))
            {
                _staffing.Undo();
                return false;
            }
        }

        _staffing.Commit();
        foreach (var meeting in offer.Meetings)
        {
            state.Ledger.UseVenues(meeting, size);
            state.Ledger.UseKitsFor(meeting, 1);
        }

        return true;
    }
}
