using System.Globalization;

namespace Sto.Scheduler.Benchmarks;

/// <summary>
/// The goals of issue 5 / PERFORMANCE.md §6, each computed from the rows of a run (or of JSON-lines files): measured
/// value, goal, and MET / NOT MET, or NOT MEASURED when the rows that decide it are not there (and which run makes them).
/// </summary>
internal static class GoalSummary
{
    public const string Met = "MET";
    public const string NotMet = "NOT MET";
    public const string NotMeasured = "NOT MEASURED";

    public sealed record Goal(string Id, string Measured, string Target, string Verdict);

    public static void Print(IReadOnlyList<BenchmarkRow> rows, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"### Goals (issue 5, PERFORMANCE.md §6), from these rows; machine {Environment.ProcessorCount} cores");
        output.WriteLine();
        output.WriteLine("| goal | measured | target | verdict |");
        output.WriteLine("|---|---|---|---|");
        foreach (var goal in Evaluate(rows))
        {
            output.WriteLine($"| {goal.Id} | {goal.Measured} | {goal.Target} | {goal.Verdict} |");
        }
    }

    public static List<Goal> Evaluate(IReadOnlyList<BenchmarkRow> rows)
    {
        var engines = rows.Where(r => r.IsEngine).ToList();
        var goals = new List<Goal> { Quality(rows, engines), VersusPractice(rows, engines) };
        goals.AddRange(Interactive(engines));
        goals.Add(Region(rows, engines, "G4 region M1", BenchVariant.NoBuses, 10, [("CBC", 3), ("HiGHS", 5)]));
        goals.Add(Region(rows, engines, "G5 region M2", BenchVariant.Buses, 25, [("CBC", 10), ("HiGHS", 10)]));
        goals.Add(FirstPlan(engines));
        goals.Add(new Goal("G7 national", "not run by this program", "78 regions ≤ 0.5 % in ≤ 30 s (M1) / ≤ 40 s (M2)", NotMeasured + " (tests/Sto.Scheduler.NationalRun)"));
        goals.Add(Memory(engines));
        goals.Add(Replan(rows));
        goals.Add(Bounds(engines));
        goals.Add(Determinism(rows));
        goals.Add(Measurement(rows));
        return goals;
    }

    /// <summary>G1: every engine row's first-tier value within 0.5 % of the best valid plan of its instance.</summary>
    private static Goal Quality(IReadOnlyList<BenchmarkRow> rows, List<BenchmarkRow> engines)
    {
        var ratios = engines.Where(e => e.FirstTierObjective is not null).Select(e =>
        {
            var best = rows.Where(r => r.Family == e.Family && r.Variant == e.Variant && r.Seed == e.Seed && r.IsValid && r.FirstTierObjective is not null)
                .Min(r => r.FirstTierObjective!.Value);
            return (Row: e, Ratio: best > 0 ? e.FirstTierObjective!.Value / best : 1.0);
        }).ToList();
        if (ratios.Count == 0)
        {
            return new Goal("G1 quality", "no engine row", "objective ≤ 1.005 × best known", NotMeasured);
        }

        var worst = ratios.MaxBy(r => r.Ratio);
        return new Goal("G1 quality",
            Invariant($"worst objective / best known {worst.Ratio:F4} ({worst.Row.Family} {worst.Row.Variant}; {ratios.Count} engine rows; best known = best valid row of the same run)"),
            "≤ 1.005 on every instance", Verdict(ratios.All(r => r.Ratio <= 1.005 + 1e-9)));
    }

    /// <summary>G2 on the region (or the largest family present): unplaced, objective and top-3 against FCFS.</summary>
    private static Goal VersusPractice(IReadOnlyList<BenchmarkRow> rows, List<BenchmarkRow> engines)
    {
        var family = engines.Any(e => e.Family == "region") ? "region" : engines.OrderByDescending(e => e.Pupils).FirstOrDefault()?.Family;
        var engine = engines.Where(e => e.Family == family).OrderBy(e => e.Variant, StringComparer.Ordinal).FirstOrDefault();
        var fcfs = engine is null ? null : rows.FirstOrDefault(r => r.Family == engine.Family && r.Variant == engine.Variant && r.Seed == engine.Seed && r.Method.StartsWith("FCFS", StringComparison.Ordinal));
        if (engine is null || fcfs is null)
        {
            return new Goal("G2 vs FCFS", "no engine and FCFS rows", "unplaced ≤ 1/20, objective ≤ 1/10 of FCFS, top-3 ≥ FCFS + 10 pt", NotMeasured);
        }

        var unplacedOk = engine.Unplaced * 20 <= fcfs.Unplaced || engine.Unplaced == 0;
        var objectiveRatio = engine.FirstTierObjective is { } o && fcfs.FirstTierObjective is { } f && f > 0 ? o / f : double.NaN;
        var topThree = engine.TopThreePercent - fcfs.TopThreePercent;
        return new Goal($"G2 vs FCFS ({family} {engine.Variant})",
            Invariant($"unplaced {engine.Unplaced} vs {fcfs.Unplaced}; objective ratio {objectiveRatio:F3}; top-3 {engine.TopThreePercent:F1} vs {fcfs.TopThreePercent:F1} % ({topThree:+0.0;-0.0} pt)"),
            "unplaced ≤ 1/20, objective ≤ 1/10 of FCFS, top-3 ≥ FCFS + 10 pt",
            Verdict(unplacedOk && objectiveRatio <= 0.1 && topThree >= 10));
    }

    /// <summary>G3: the subregion's first tier proven optimal within 0.5 s (M1) and 1.0 s (M2).</summary>
    private static IEnumerable<Goal> Interactive(List<BenchmarkRow> engines)
    {
        foreach (var (variant, limit) in new[] { (BenchVariant.NoBuses, 0.5), (BenchVariant.Buses, 1.0) })
        {
            var row = engines.FirstOrDefault(e => e.Family == "subregion" && e.Variant == variant);
            var target = Invariant($"tier 1 proven optimal in ≤ {limit:F1} s");
            yield return row is null
                ? new Goal($"G3 subregion {variant}", "subregion not in this run", target, NotMeasured)
                : new Goal($"G3 subregion {variant}", Invariant($"{Seconds(row.OptimalSeconds)} s (≤ 0.5 % at {Seconds(row.GapSeconds)} s)"), target, Verdict(row.OptimalSeconds <= limit));
        }
    }

    /// <summary>G4 / G5: the region's time to 0.5 % and the same-run ratios to the MIP peers.</summary>
    private static Goal Region(IReadOnlyList<BenchmarkRow> rows, List<BenchmarkRow> engines, string id, string variant, double limit, (string Peer, double Factor)[] peers)
    {
        var target = Invariant($"≤ 0.5 % in ≤ {limit:F0} s; ") + string.Join(", ", peers.Select(p => Invariant($"≥ {p.Factor:F0}× {p.Peer}")));
        var row = engines.FirstOrDefault(e => e.Family == "region" && e.Variant == variant);
        if (row is null)
        {
            return new Goal(id, "region not in this run", target, NotMeasured);
        }

        var parts = new List<string> { Invariant($"{Seconds(row.GapSeconds)} s") };
        var timeOk = row.GapSeconds <= limit;
        var missing = false;
        var ratiosOk = true;
        foreach (var (peer, factor) in peers)
        {
            var peerRow = rows.FirstOrDefault(r => r.Family == "region" && r.Variant == variant && r.Seed == row.Seed && r.Method.Contains(peer, StringComparison.OrdinalIgnoreCase) && r.Method.Contains("first tier", StringComparison.Ordinal));
            if (peerRow is null)
            {
                parts.Add($"no {peer} row (--peers)");
                missing = true;
                continue;
            }

            if (peerRow.OursOverTheirs is not { } ratio)
            {
                // Neither reached the gap within the limit: no speed-up can be claimed.
                parts.Add($"neither the engine nor {peer} reached the gap");
                ratiosOk = false;
                continue;
            }

            // A side that missed the gap counts at the limit: the engine missing it makes the speed-up an upper bound
            // ("≤"), the peer missing it a lower bound ("≥"); only a lower bound or an exact figure can meet the goal.
            var speedUp = 1 / Math.Max(1e-9, ratio);
            var qualifier = peerRow.RatioBound switch { ">" => "≤ ", "<" => "≥ ", _ => "" };
            parts.Add(Invariant($"{qualifier}{speedUp:F2}× {peer}"));
            ratiosOk &= speedUp >= factor && peerRow.RatioBound != ">";
        }

        var verdict = !timeOk || !ratiosOk ? NotMet : missing ? NotMeasured + " (peers)" : Met;
        return new Goal(id, string.Join("; ", parts), target, verdict);
    }

    /// <summary>G6: the first valid plan on the region: the greedy hint (when recorded) or CP-SAT's first solution, whichever came first.</summary>
    private static Goal FirstPlan(List<BenchmarkRow> engines)
    {
        var region = engines.Where(e => e.Family == "region").ToList();
        static double FirstOf(BenchmarkRow e) => Math.Min(e.HintReadySeconds ?? double.PositiveInfinity, e.FirstPlanSeconds ?? double.PositiveInfinity);
        return region.Count == 0
            ? new Goal("G6 first plan", "region not in this run", "feasible plan on the region in ≤ 1 s", NotMeasured)
            : new Goal("G6 first plan", Invariant($"{region.Max(FirstOf):F2} s (slowest region row; hint ready or CP-SAT's first solution, whichever first)"), "feasible plan on the region in ≤ 1 s", Verdict(region.All(e => FirstOf(e) <= 1)));
    }

    private static Goal Memory(List<BenchmarkRow> engines)
    {
        var row = engines.FirstOrDefault(e => e.Family == "region" && e.Variant == BenchVariant.Buses);
        return row is null
            ? new Goal("G8 memory", "region M2 not in this run", "peak ≤ 600 MB on region M2", NotMeasured)
            : new Goal("G8 memory", Invariant($"{row.PeakMegabytes} MB (process peak working set after the engine)"), "peak ≤ 600 MB on region M2", Verdict(row.PeakMegabytes <= 600));
    }

    /// <summary>G9 on the largest re-planned family: moves tier within 0.5 %, in ≤ 20 % of the cold time, moves ≤ 1.1 × forced.</summary>
    private static Goal Replan(IReadOnlyList<BenchmarkRow> rows)
    {
        const string target = "moves tier ≤ 0.5 % in ≤ 20 % of the cold time, moved ≤ 1.1 × unavoidable (issue: on the region)";
        var row = rows.Where(r => r.Method == ReplanBenchmark.Method && r.ColdSeconds is > 0).MaxBy(r => r.Pupils);
        if (row is null)
        {
            return new Goal("G9 re-plan", "no re-plan rows", target, NotMeasured + " (replan mode --json)");
        }

        var share = row.TotalSeconds / row.ColdSeconds!.Value;
        var moved = row.MovedPupils ?? 0;
        var unavoidable = row.UnavoidableMoves ?? 0;
        var movesOk = moved <= 1.1 * unavoidable || moved == 0;
        return new Goal($"G9 re-plan ({row.Family})",
            Invariant($"{share:F2} of the cold time; moved {moved} / unavoidable {unavoidable}; moves-tier gap {BenchmarkRow.Percent(row.FirstTierGap)} %"),
            target, Verdict(share <= 0.2 + 1e-9 && movesOk && row.FirstTierGap <= 0.005 + 1e-12));
    }

    private static Goal Bounds(List<BenchmarkRow> engines) => engines.Count == 0
        ? new Goal("G10 bounds shown", "no engine row", "flow bound, proven bound and gap on every solve", NotMeasured)
        : new Goal("G10 bounds shown",
            Invariant($"{engines.Count(e => e.FirstTierBound is not null && e.FlowBoundUnplaced is not null && e.FirstTierGap is not null)} of {engines.Count} engine rows"),
            "flow bound, proven bound and gap on every solve",
            Verdict(engines.All(e => e.FirstTierBound is not null && e.FlowBoundUnplaced is not null && e.FirstTierGap is not null)));

    private static Goal Determinism(IReadOnlyList<BenchmarkRow> rows)
    {
        var checks = rows.Where(r => r.Method.StartsWith(ReproCheck.Method, StringComparison.Ordinal)).ToList();
        return checks.Count == 0
            ? new Goal("G11 determinism", "no reproducible check in these rows", "byte-identical plan and deterministic time on repeat", NotMeasured + " (repro mode)")
            : new Goal("G11 determinism", string.Join("; ", checks.GroupBy(c => $"{c.Family} {c.Variant}").Select(g => $"{g.Key}: {g.Count(c => c.Status == "YES")} of {g.Count()} checks YES")), "byte-identical plan and deterministic time on repeat", Verdict(checks.All(c => c.Status == "YES")));
    }

    /// <summary>G12: the median spread of the same-run ratios (peer rows), else of the engine's time to gap, over repeats.</summary>
    private static Goal Measurement(IReadOnlyList<BenchmarkRow> rows)
    {
        var ratioRows = rows.Where(r => r.Runs > 1 && r.Spread is not null && r.OursOverTheirs is not null).ToList();
        var timeRows = rows.Where(r => r.Runs > 1 && r.Spread is not null && r.IsEngine).ToList();
        var (used, what) = ratioRows.Count > 0 ? (ratioRows, "same-run ratio ours/theirs") : (timeRows, "engine time to gap (no peer rows, so no same-run ratio)");
        if (used.Count == 0)
        {
            return new Goal("G12 measurement", "no repeated rows", "median spread ≤ 15 % over repeats", NotMeasured + " (--repeats 3..5)");
        }

        var median = RowMedians.Median(used.Select(r => r.Spread), missingIsInfinite: false) ?? 0;
        return new Goal("G12 measurement", Invariant($"median spread {median * 100:F1} % of the {what}, {used.Count} rows, {used.Max(r => r.Runs)} repeats"), "≤ 15 %", Verdict(median <= 0.15));
    }

    private static string Verdict(bool met) => met ? Met : NotMet;

    private static string Seconds(double? value) => BenchmarkRow.Seconds(value);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
