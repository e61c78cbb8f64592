using System.Globalization;

namespace Sto.Scheduler.Benchmarks;

/// <summary>
/// The machine-readable side of the benchmark: one <see cref="BenchmarkRow"/> per line (<c>--json PATH</c>), and the
/// <c>compare</c> mode that lines up two such files cell by cell and prints the ratios new ÷ old.
/// </summary>
internal static class JsonLines
{
    public static void Write(string path, IEnumerable<BenchmarkRow> rows)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllLines(path, rows.Select(r => r.ToJson()));
    }

    public static List<BenchmarkRow> Read(string path) =>
        [.. File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).Select(BenchmarkRow.FromJson)];

    /// <summary>
    /// The rows a file stands for: its median rows when it has any, else its single runs (median per cell).
    /// Reproducible checks are kept one by one: a single NO must not disappear in a median.
    /// </summary>
    public static List<BenchmarkRow> Representative(IReadOnlyList<BenchmarkRow> rows)
    {
        var checks = rows.Where(r => r.Method.StartsWith(ReproCheck.Method, StringComparison.Ordinal)).ToList();
        rows = [.. rows.Except(checks)];
        var medians = rows.Where(r => r.Repeat == 0).ToList();
        var runs = rows.Where(r => r.Repeat != 0).ToList();
        var summarised = RowMedians.Summarise(runs.Where(r => medians.All(m => m.Key != r.Key)).ToList());
        return [.. medians, .. summarised, .. checks];
    }

    public const string CompareHeader =
        "| family | variant | seed | method | ≤ gap s (old → new) | ratio | total s ratio | first plan s ratio | tier-1 objective ratio | unplaced (old → new) | peak MB ratio | ours/theirs (old → new) | valid (old → new) |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|---|---|";

    /// <summary>Markdown rows new ÷ old per cell present in both files, then the cells found in one file only.</summary>
    public static IEnumerable<string> Compare(IReadOnlyList<BenchmarkRow> oldRows, IReadOnlyList<BenchmarkRow> newRows)
    {
        var before = Representative(oldRows).ToDictionary(r => r.Key);
        var after = Representative(newRows);
        foreach (var n in after)
        {
            if (!before.TryGetValue(n.Key, out var o))
            {
                continue;
            }

            yield return Invariant(
                $"| {n.Family} | {n.Variant} | {n.Seed} | {n.Method} | {BenchmarkRow.Seconds(o.GapSeconds)} → {BenchmarkRow.Seconds(n.GapSeconds)} | {Ratio(n.GapSeconds, o.GapSeconds)} | {Ratio(n.TotalSeconds, o.TotalSeconds)} | {Ratio(n.FirstPlanSeconds, o.FirstPlanSeconds)} | {Ratio(n.FirstTierObjective, o.FirstTierObjective, "F4")} | {o.Unplaced} → {n.Unplaced} | {Ratio(n.PeakMegabytes, o.PeakMegabytes)} | {Number(o.OursOverTheirs)} → {Number(n.OursOverTheirs)} | {Valid(o)} → {Valid(n)} |");
        }

        foreach (var n in after.Where(n => !before.ContainsKey(n.Key)))
        {
            yield return $"| {n.Family} | {n.Variant} | {n.Seed} | {n.Method} | only in the new file | | | | | | | | |";
        }

        var keys = after.Select(a => a.Key).ToHashSet();
        foreach (var o in before.Values.Where(o => !keys.Contains(o.Key)))
        {
            yield return $"| {o.Family} | {o.Variant} | {o.Seed} | {o.Method} | only in the old file | | | | | | | | |";
        }
    }

    /// <summary>new ÷ old; "-" when either is missing ("new only" / "old only" when just one side reached it).</summary>
    public static string Ratio(double? newValue, double? oldValue, string format = "F2") => (newValue, oldValue) switch
    {
        ({ } n, { } o) when o > 0 => (n / o).ToString(format, CultureInfo.InvariantCulture),
        ({ } n, { } o) when o == 0 && n == 0 => "1.00",
        ({ }, null) => "new only",
        (null, { }) => "old only",
        _ => "-",
    };

    private static string Number(double? value) => value is { } v ? v.ToString("F2", CultureInfo.InvariantCulture) : "-";

    private static string Valid(BenchmarkRow row) => row.IsValid ? "VALID" : "INVALID";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
