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
    public bool TryStaff(GreedyOffer offer, GreedyGroup group, int meeting, int pupils)
    {
        var week = offer.Meetings[meeting];
        var needed = StaffRules.RequiredStaff(pupils, week.Kind, state.Rules);
        var needsDocent = state.Rules.RequireQualifiedDocentPerGroup;
        while (group.RatioStaff[meeting] < needed || (needsDocent && !group.HasQualifiedDocent[meeting]))
        {
            var wantRatio = group.RatioStaff[meeting] < needed;
            var wantDocent = needsDocent && !group.HasQualifiedDocent[meeting];
            var pick = Pick(week, group, wantRatio, wantDocent);
            if (pick < 0)
            {
                return false;
            }

            Assign(group, meeting, week.WeekSlot, pick);
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
            state.Ledger.SetStaffBusy(staff, weekSlot, false);
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
        var bestScore = int.MaxValue;
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

            var score = ((wantRatio && !counts) ? 4 : 0)
                + (group.EverStaffed.Contains(staff) ? 0 : 2)
                + (week.BasedHere[c] ? 0 : 1);
            if (score < bestScore)
            {
                (best, bestScore) = (staff, score);
            }
        }

        return best;
    }

    private void Assign(GreedyGroup group, int meeting, int weekSlot, int staff)
    {
        group.Staff[meeting].Add(staff);
        group.EverStaffed.Add(staff);
        group.RatioStaff[meeting] += state.CountsForRatio[staff] ? 1 : 0;
        group.HasQualifiedDocent[meeting] |= state.IsQualifiedDocent[staff];
        state.Ledger.SetStaffBusy(staff, weekSlot, true);
        _added.Add((group, meeting, staff, weekSlot));
    }
}
