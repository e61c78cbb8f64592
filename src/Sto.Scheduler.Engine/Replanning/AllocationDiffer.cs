using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Replanning;

/// <summary>Compares two allocations of (nearly) the same problem: who moved and why, staff and bus changes.</summary>
public static class AllocationDiffer
{
    /// <summary>The diff from <paramref name="before"/> to <paramref name="after"/>, judged against the problem of <paramref name="after"/>.</summary>
    public static AllocationDiff Compare(SchedulingProblem problem, Allocation before, Allocation after)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);

        var index = ProblemIndex.Build(problem);
        var filter = new CandidateFilter(problem, index);
        var old = before.Placements.GroupBy(p => p.Pupil).ToDictionary(g => g.Key, g => g.First());
        var now = after.Placements.GroupBy(p => p.Pupil).ToDictionary(g => g.Key, g => g.First());
        var known = before.Placements.Select(p => p.Pupil).Concat(before.Unplaced.Select(u => u.Pupil)).ToHashSet();
        var running = after.Groups.Select(g => g.Offer).ToHashSet();

        var moves = new List<PupilMove>();
        foreach (var pupil in old.Keys.Union(now.Keys).OrderBy(p => p.Value, StringComparer.Ordinal))
        {
            old.TryGetValue(pupil, out var from);
            now.TryGetValue(pupil, out var to);
            if (from is not null && to is not null && from.Offer == to.Offer && from.Group == to.Group)
            {
                continue;
            }

            moves.Add(new PupilMove
            {
                Pupil = pupil,
                FromOffer = from?.Offer,
                FromGroup = from?.Group,
                ToOffer = to?.Offer,
                ToGroup = to?.Group,
                Reason = Reason(pupil, from, to),
            });
        }

        return new AllocationDiff
        {
            PupilMoves = [.. moves],
            StaffChanges = [.. StaffChanges(before, after)],
            BusChanges = [.. BusChanges(before, after)],
        };

        string Reason(PupilId pupil, PupilPlacement? from, PupilPlacement? to)
        {
            if (from is null)
            {
                return known.Contains(pupil) ? "now-placed" : "pupil-added";
            }

            if (!index.Pupils.TryGetValue(pupil, out var current))
            {
                return "pupil-removed";
            }

            if (to is not null && to.Offer == from.Offer)
            {
                return "group-changed";
            }

            if (index.Offers.TryGetValue(from.Offer, out var offer))
            {
                var verdict = filter.Check(current, offer);
                if (!verdict.IsFeasible)
                {
                    return verdict.Reason;
                }
            }

            return running.Contains(from.Offer) ? "rebalanced" : "offer-cannot-run";
        }
    }

    private static IEnumerable<StaffChange> StaffChanges(Allocation before, Allocation after)
    {
        var old = Staffing(before);
        var now = Staffing(after);
        foreach (var key in old.Keys.Union(now.Keys).OrderBy(k => k.Offer.Value, StringComparer.Ordinal).ThenBy(k => k.Group).ThenBy(k => k.Week))
        {
            var was = old.GetValueOrDefault(key) ?? [];
            var isNow = now.GetValueOrDefault(key) ?? [];
            var removed = was.Except(isNow).OrderBy(s => s.Value, StringComparer.Ordinal).ToList();
            var added = isNow.Except(was).OrderBy(s => s.Value, StringComparer.Ordinal).ToList();
            if (removed.Count > 0 || added.Count > 0)
            {
                yield return new StaffChange { Offer = key.Offer, Group = key.Group, Week = key.Week, Removed = [.. removed], Added = [.. added] };
            }
        }
    }

    private static Dictionary<(OfferId Offer, int Group, Week Week), HashSet<StaffId>> Staffing(Allocation allocation) =>
        allocation.Groups
            .SelectMany(g => g.Staffing.Select(w => (Key: (g.Offer, g.Group, w.Week), w.Staff)))
            .GroupBy(x => x.Key)
            .ToDictionary(x => x.Key, x => x.SelectMany(y => y.Staff).ToHashSet());

    private static IEnumerable<BusChange> BusChanges(Allocation before, Allocation after)
    {
        var old = before.BusTrips.GroupBy(b => (b.Week, b.FromSchool, b.ToVenue)).ToDictionary(g => g.Key, g => g.First());
        var now = after.BusTrips.GroupBy(b => (b.Week, b.FromSchool, b.ToVenue)).ToDictionary(g => g.Key, g => g.First());
        foreach (var key in old.Keys.Union(now.Keys).OrderBy(k => k.Week).ThenBy(k => k.FromSchool.Value, StringComparer.Ordinal).ThenBy(k => k.ToVenue.Value, StringComparer.Ordinal))
        {
            old.TryGetValue(key, out var was);
            now.TryGetValue(key, out var isNow);
            if (was?.BusCount != isNow?.BusCount || was?.PupilCount != isNow?.PupilCount)
            {
                yield return new BusChange
                {
                    Week = key.Week,
                    FromSchool = key.FromSchool,
                    ToVenue = key.ToVenue,
                    BusesBefore = was?.BusCount ?? 0,
                    BusesAfter = isNow?.BusCount ?? 0,
                    PupilsBefore = was?.PupilCount ?? 0,
                    PupilsAfter = isNow?.PupilCount ?? 0,
                };
            }
        }
    }
}
