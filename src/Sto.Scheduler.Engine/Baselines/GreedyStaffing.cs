using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Baselines;

/// <summary>
/// Adds staff to a group in one meeting week until it may hold a given number of pupils (H8, H9): enough staff
/// counting for the ratio and, when required, a qualified docent. Picks staff who help most, then staff already
/// with the group in other weeks (continuity), then staff based at the venue's school. Every addition is recorded
/// so a failed placement can be undone.
/// </summary>
internal sealed class GreedyStaffing(GreedyState state)
{
    private readonly List<(GreedyGroup Group, int Meeting, int Staff, int WeekSlot)> _added = [];

    /// <summary>Staffs the group for <paramref name="pupils"/> in the meeting; false when nobody suitable is free.</summary>
    public bool TryStaff(GreedyOffer offer, GreedyGroup group, int meeting, int pupils, bool freeUpStaff = false)
    {
        var week = offer.Meetings[meeting];
        var needed = StaffRules.RequiredStaff(pupils, week.Kind, state.Rules);
        var needsDocent = state.Rules.RequireQualifiedDocentPerGroup;
        while (group.RatioStaff[meeting] < needed || (needsDocent && !group.HasQualifiedDocent[meeting]))
        {
            var wantRatio = group.RatioStaff[meeting] < needed;
            var wantDocent = needsDocent && !group.HasQualifiedDocent[meeting];
            var pick = Pick(week, group, wantRatio, wantDocent);
            if (pick < 0 && freeUpStaff)
            {
                pick = FreeUp(week, wantDocent);
            }

            if (pick < 0)
            {
                return false;
            }

            Assign(offer, group, meeting, week.WeekSlot, pick);
        }

        return true;
    }

    /// <summary>Forgets the additions since the last <see cref="Commit"/> or <see cref="Undo"/>.</summary>
    public void Commit() => _added.Clear();

    /// <summary>Takes back every addition since the last <see cref="Commit"/>.</summary>
    public void Undo()
    {
        for (var i = _added.Count - 1; i >= 0; i--)
        {
            var (group, meeting, staff, weekSlot) = _added[i];
            group.Staff[meeting].Remove(staff);
            state.Ledger.Release(staff, weekSlot);
            group.RatioStaff[meeting] -= state.CountsForRatio[staff] ? 1 : 0;
            group.HasQualifiedDocent[meeting] = group.Staff[meeting].Exists(s => state.IsQualifiedDocent[s]);
            if (!group.Staff.Any(list => list.Contains(staff)))
            {
                group.EverStaffed.Remove(staff);
            }
        }

        _added.Clear();
    }

    private int Pick(GreedyMeeting week, GreedyGroup group, bool wantRatio, bool wantDocent)
    {
        var best = -1;
        var bestScore = long.MaxValue;
        for (var c = 0; c < week.StaffCandidates.Length; c++)
        {
            var staff = week.StaffCandidates[c];
            if (state.Ledger.IsStaffBusy(staff, week.WeekSlot))
            {
                continue;
            }

            var counts = state.CountsForRatio[staff];
            var docent = state.IsQualifiedDocent[staff];
            if ((wantDocent && !docent) || (!wantDocent && !counts))
            {
                continue;
            }

            // Staff few other offers could use go first, so a versatile docent stays free for the offer that has
            // nobody else; then continuity with the group's other weeks, then staff based at the venue.
            var score = ((wantRatio && !counts) ? 1L << 40 : 0)
                + ((long)state.StaffDemand[staff, week.WeekSlot] << 8)
                + (group.EverStaffed.Contains(staff) ? 0 : 2)
                + (week.BasedHere[c] ? 0 : 1);
            if (score < bestScore)
            {
                (best, bestScore) = (staff, score);
            }
        }

        return best;
    }

    /// <summary>
    /// Frees a suitable candidate along a substitution chain within the week (an augmenting path, as in bipartite
    /// matching): the candidate's place in another group goes to a colleague who keeps that group's standing
    /// (counting for the ratio; a qualified docent when replacing its only one), whose own place may go to a third,
    /// and so on until a free colleague is reached. Returns the freed candidate, or -1. Every group on the chain
    /// stays fully staffed, so the chain is never undone.
    /// </summary>
    private int FreeUp(GreedyMeeting week, bool wantDocent)
    {
        var slot = week.WeekSlot;
        var queue = new List<(int Staff, int Parent)>();
        var seen = new HashSet<int>();
        var expanded = new HashSet<StaffPost>(ReferenceEqualityComparer.Instance);
        foreach (var candidate in week.StaffCandidates)
        {
            if ((wantDocent ? state.IsQualifiedDocent[candidate] : state.CountsForRatio[candidate]) && seen.Add(candidate))
            {
                queue.Add((candidate, -1));
            }
        }

        for (var head = 0; head < queue.Count && queue.Count < MaxChainSearch; head++)
        {
            var busy = queue[head].Staff;
            // A post is re-staffed at most once per chain, so its docent and ratio checks stay true after the shift.
            if (state.Ledger.PostOf(busy, slot) is not { } post || !expanded.Add(post))
            {
                continue;
            }

            var staffList = post.Group.Staff[post.Meeting];
            var mustBeDocent = state.IsQualifiedDocent[busy] && staffList.Count(s => state.IsQualifiedDocent[s]) == 1;
            var mustCount = state.CountsForRatio[busy];
            foreach (var substitute in post.Offer.Meetings[post.Meeting].StaffCandidates)
            {
                if ((mustBeDocent && !state.IsQualifiedDocent[substitute]) || (mustCount && !state.CountsForRatio[substitute])
                    || !seen.Add(substitute))
                {
                    continue;
                }

                queue.Add((substitute, head));
                if (!state.Ledger.IsStaffBusy(substitute, slot))
                {
                    return ShiftAlong(queue, queue.Count - 1, slot);
                }
            }
        }

        return -1;
    }

    private const int MaxChainSearch = 64;

    /// <summary>Each staff member on the chain takes the place of the one before it; returns the chain's first.</summary>
    private int ShiftAlong(List<(int Staff, int Parent)> queue, int last, int slot)
    {
        for (var i = last; queue[i].Parent >= 0; i = queue[i].Parent)
        {
            var substitute = queue[i].Staff;
            var replaced = queue[queue[i].Parent].Staff;
            var post = state.Ledger.PostOf(replaced, slot)!;
            var staffList = post.Group.Staff[post.Meeting];
            staffList[staffList.IndexOf(replaced)] = substitute;
            post.Group.EverStaffed.Add(substitute);
            post.Group.HasQualifiedDocent[post.Meeting] = staffList.Exists(s => state.IsQualifiedDocent[s]);
            post.Group.RatioStaff[post.Meeting] += (state.CountsForRatio[substitute] ? 1 : 0) - (state.CountsForRatio[replaced] ? 1 : 0);
            state.Ledger.Release(replaced, slot);
            state.Ledger.Occupy(substitute, slot, post);
        }

        var root = last;
        while (queue[root].Parent >= 0)
        {
            root = queue[root].Parent;
        }

        return queue[root].Staff;
    }

    /// <summary>Puts a staff member back with the group for the meeting (recorded, so <see cref="Undo"/> takes it back).</summary>
    public void Keep(GreedyOffer offer, GreedyGroup group, int meeting, int staff) =>
        Assign(offer, group, meeting, offer.Meetings[meeting].WeekSlot, staff);

    private void Assign(GreedyOffer offer, GreedyGroup group, int meeting, int weekSlot, int staff)
    {
        group.Staff[meeting].Add(staff);
        group.EverStaffed.Add(staff);
        group.RatioStaff[meeting] += state.CountsForRatio[staff] ? 1 : 0;
        group.HasQualifiedDocent[meeting] |= state.IsQualifiedDocent[staff];
        state.Ledger.Occupy(staff, weekSlot, new StaffPost(offer, group, meeting));
        _added.Add((group, meeting, staff, weekSlot));
    }
}
