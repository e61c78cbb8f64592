namespace Sto.Scheduler.Benchmarks;

/// <summary>
/// Summarises repeated runs of one cell: the median of every figure and the spread (max/min − 1) of the same-run
/// ratio (peer rows: ours ÷ theirs; engine rows: the time to the target gap, else the total time; greedy rows: none).
/// A time that was not reached counts as +∞ for the median (censored), so a median is "-" when most runs missed it.
/// </summary>
internal static class RowMedians
{
    public static double? Median(IEnumerable<double?> values, bool missingIsInfinite = true)
    {
        var list = values.Select(v => v ?? (missingIsInfinite ? double.PositiveInfinity : double.NaN)).Where(v => !double.IsNaN(v)).Order().ToList();
        if (list.Count == 0)
        {
            return null;
        }

        var middle = list.Count / 2;
        var median = list.Count % 2 == 1 ? list[middle] : (list[middle - 1] + list[middle]) / 2;
        return double.IsInfinity(median) ? null : median;
    }

    /// <summary>max / min − 1 over the values; null when fewer than two values or any is missing or not positive.</summary>
    public static double? Spread(IReadOnlyList<double?> values)
    {
        if (values.Count < 2 || values.Any(v => v is null or <= 0))
        {
            return null;
        }

        return (values.Max()!.Value / values.Min()!.Value) - 1;
    }

    /// <summary>One median row per cell (family, variant, method), in the order the cells first appear.</summary>
    public static List<BenchmarkRow> Summarise(IReadOnlyList<BenchmarkRow> rows) =>
        [.. rows.GroupBy(r => r.Key).Select(g => Summarise(g.ToList()))];

    private static BenchmarkRow Summarise(List<BenchmarkRow> runs)
    {
        var first = runs[0];
        var ratios = runs.Select(r => r.OursOverTheirs).ToList();
        // Greedy rows take milliseconds: their spread is noise and not reported.
        IReadOnlyList<double?> spreadOf = ratios.Any(r => r is not null) ? ratios
            : !first.IsEngine ? []
            : runs.All(r => r.GapSeconds is not null) ? runs.Select(r => r.GapSeconds).ToList()
            : runs.Select(r => (double?)r.TotalSeconds).ToList();
        return first with
        {
            Repeat = 0,
            Runs = runs.Count,
            Status = runs.GroupBy(r => r.Status).OrderByDescending(g => g.Count()).First().Key,
            FirstPlanSeconds = Median(runs.Select(r => r.FirstPlanSeconds)),
            HintReadySeconds = Median(runs.Select(r => r.HintReadySeconds)),
            GapSeconds = Median(runs.Select(r => r.GapSeconds)),
            OptimalSeconds = Median(runs.Select(r => r.OptimalSeconds)),
            TotalSeconds = Median(runs.Select(r => (double?)r.TotalSeconds)) ?? 0,
            FirstTierObjective = Median(runs.Select(r => r.FirstTierObjective), missingIsInfinite: false),
            FirstTierBound = Median(runs.Select(r => r.FirstTierBound), missingIsInfinite: false),
            FirstTierGap = Median(runs.Select(r => r.FirstTierGap), missingIsInfinite: false),
            FinalGap = Median(runs.Select(r => r.FinalGap), missingIsInfinite: false),
            TierGaps = runs.Count == 1 ? first.TierGaps : "(see runs)",
            DeterministicTime = Median(runs.Select(r => r.DeterministicTime), missingIsInfinite: false),
            Unplaced = (int)Math.Round(Median(runs.Select(r => (double?)r.Unplaced)) ?? 0),
            FirstChoicePercent = Median(runs.Select(r => (double?)r.FirstChoicePercent)) ?? 0,
            TopThreePercent = Median(runs.Select(r => (double?)r.TopThreePercent)) ?? 0,
            WorstRank = (int)Math.Round(Median(runs.Select(r => (double?)r.WorstRank)) ?? 0),
            RankCost = (long)Math.Round(Median(runs.Select(r => (double?)r.RankCost)) ?? 0),
            Buses = (int)Math.Round(Median(runs.Select(r => (double?)r.Buses)) ?? 0),
            StaffAfternoons = (int)Math.Round(Median(runs.Select(r => (double?)r.StaffAfternoons)) ?? 0),
            IsValid = runs.All(r => r.IsValid),
            PeakMegabytes = (long)Math.Round(Median(runs.Select(r => (double?)r.PeakMegabytes)) ?? 0),
            OursOverTheirs = Median(ratios, missingIsInfinite: false),
            RatioBound = runs.Select(r => r.RatioBound).FirstOrDefault(b => b.Length > 0) ?? "",
            Spread = Spread(spreadOf),
        };
    }
}
