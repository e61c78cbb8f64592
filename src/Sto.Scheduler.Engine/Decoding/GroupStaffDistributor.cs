using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Decoding;

/// <summary>
/// Spreads the staff the solver assigned to an offer in one week over its parallel groups: first one qualified
/// docent per group, then ratio-counting staff until each group meets ⌈size/15⌉ (or 1 in theory), keeping a
/// staff member with the group they had the week before where possible (continuity, domain.md §2.12).
/// </summary>
internal static class GroupStaffDistributor
{
    public static List<StaffMember>[] Distribute(
        IReadOnlyList<int> groupSizes,
        SessionKind kind,
        IReadOnlyList<StaffMember> staff,
        RegionRules rules,
        IReadOnlyDictionary<StaffId, int> previousGroup)
    {
        var groups = groupSizes.Select(_ => new List<StaffMember>()).ToArray();
        var pool = staff
            .OrderBy(s => previousGroup.ContainsKey(s.Id) ? 0 : 1)
            .ThenBy(s => s.Id.Value, StringComparer.Ordinal)
            .ToList();

        if (rules.RequireQualifiedDocentPerGroup)
        {
            for (var g = 0; g < groups.Length; g++)
            {
                Take(g, StaffRules.IsQualifiedDocent);
            }
        }

        for (var g = 0; g < groups.Length; g++)
        {
            var need = StaffRules.RequiredStaff(groupSizes[g], kind, rules);
            while (groups[g].Count(s => StaffRules.CountsForRatio(s, rules)) < need && Take(g, s => StaffRules.CountsForRatio(s, rules)))
            {
            }
        }

        foreach (var leftover in pool)
        {
            var g = previousGroup.TryGetValue(leftover.Id, out var before) && before < groups.Length ? before : 0;
            groups[g].Add(leftover);
        }

        return groups;

        bool Take(int group, Func<StaffMember, bool> fits)
        {
            var index = pool.FindIndex(s => fits(s) && previousGroup.TryGetValue(s.Id, out var g) && g == group);
            if (index < 0)
            {
                index = pool.FindIndex(s => fits(s));
            }

            if (index < 0)
            {
                return false;
            }

            groups[group].Add(pool[index]);
            pool.RemoveAt(index);
            return true;
        }
    }
}
