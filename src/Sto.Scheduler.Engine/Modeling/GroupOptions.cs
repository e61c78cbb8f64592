using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Modeling;

/// <summary>
/// Enumerates the <see cref="GroupOption"/>s of an offer, and splits a pupil count over groups so that the
/// practical staff need is minimal: Σ ⌈nᵢ / ratio⌉ over groups with min ≤ nᵢ ≤ max.
/// </summary>
internal static class GroupOptions
{
    /// <summary>All options for an offer capped at <paramref name="maxPupils"/> pupils in total; Closed first.</summary>
    public static List<GroupOption> For(ElectiveOffer offer, int ratio, int maxPupils)
    {
        var options = new List<GroupOption> { GroupOption.Closed };
        for (var groups = 1; groups <= offer.MaxParallelGroups; groups++)
        {
            var lo = groups * offer.MinGroupSize;
            var hi = Math.Min(groups * offer.MaxGroupSize, maxPupils);
            GroupOption? current = null;
            for (var n = lo; n <= hi; n++)
            {
                var staff = MinimalStaff(n, groups, offer.MinGroupSize, offer.MaxGroupSize, ratio);
                if (staff is null)
                {
                    Flush();
                    continue;
                }

                if (current is not null && current.PracticalStaff == staff && current.MaxPupils == n - 1)
                {
                    current = current with { MaxPupils = n };
                }
                else
                {
                    Flush();
                    current = new GroupOption(groups, staff.Value, n, n);
                }
            }

            Flush();

            void Flush()
            {
                if (current is not null)
                {
                    options.Add(current);
                    current = null;
                }
            }
        }

        return options;
    }

    /// <summary>Group sizes (descending) that realise the minimal staff need, or null when no split exists.</summary>
    public static int[]? Split(int pupils, int groups, int min, int max, int ratio)
    {
        if (groups <= 0 || pupils < groups * min || pupils > groups * max)
        {
            return null;
        }

        var sizes = new int[groups];
        var remaining = pupils;
        for (var g = 0; g < groups; g++)
        {
            var left = groups - g - 1;
            var best = -1;
            var bestStaff = int.MaxValue;
            for (var size = Math.Min(max, remaining - (left * min)); size >= Math.Max(min, remaining - (left * max)); size--)
            {
                var rest = left == 0 ? (remaining - size == 0 ? 0 : (int?)null) : MinimalStaff(remaining - size, left, min, max, ratio);
                if (rest is null)
                {
                    continue;
                }

                var staff = Ceil(size, ratio) + rest.Value;
                if (staff < bestStaff)
                {
                    bestStaff = staff;
                    best = size;
                }
            }

            if (best < 0)
            {
                return null;
            }

            sizes[g] = best;
            remaining -= best;
        }

        return sizes;
    }

    /// <summary>Minimal Σ ⌈nᵢ / ratio⌉ over splits of n pupils into exactly k groups within [min, max].</summary>
    public static int? MinimalStaff(int pupils, int groups, int min, int max, int ratio)
    {
        if (groups == 0)
        {
            return pupils == 0 ? 0 : null;
        }

        if (pupils < groups * min || pupils > groups * max)
        {
            return null;
        }

        int? best = null;
        for (var size = Math.Max(min, pupils - ((groups - 1) * max)); size <= Math.Min(max, pupils - ((groups - 1) * min)); size++)
        {
            var rest = MinimalStaff(pupils - size, groups - 1, min, max, ratio);
            if (rest is not null)
            {
                var total = Ceil(size, ratio) + rest.Value;
                if (best is null || total < best)
                {
                    best = total;
                }
            }
        }

        return best;
    }

    private static int Ceil(int pupils, int ratio) => (pupils + ratio - 1) / ratio;
}
