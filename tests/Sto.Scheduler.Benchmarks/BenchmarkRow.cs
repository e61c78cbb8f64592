using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Benchmarks;

/// <summary>
/// One line of the benchmark table: one method on one instance (family, variant, seed) in one repeat. Every figure of
/// the Markdown table is a property, so the same row is written as a JSON line (<c>--json</c>) and read back by
/// <c>compare</c> and <c>goals</c>. Seconds are wall time from the start of the method (the engine's include
/// validation, model building and the hint). Null means "not reached" (printed as "-").
/// </summary>
internal sealed record BenchmarkRow
{
    public string Family { get; init; } = "";

    /// <summary>M1 (no buses) or M2 (buses), see <see cref="BenchVariant"/>.</summary>
    public string Variant { get; init; } = "";

    public int Seed { get; init; }

    /// <summary>1-based repeat; 0 for a row that is the median over repeats.</summary>
    public int Repeat { get; init; }

    /// <summary>How many runs a median row summarises (1 for a single run).</summary>
    public int Runs { get; init; } = 1;

    public string Instance { get; init; } = "";

    public int Pupils { get; init; }

    public string Method { get; init; } = "";

    public string Status { get; init; } = "";

    public int Cores { get; init; } = Environment.ProcessorCount;

    public double LimitSeconds { get; init; }

    public double TargetGap { get; init; } = 0.005;

    /// <summary>First feasible plan (engine: CP-SAT's first solution callback; "-" when CP-SAT found none).</summary>
    public double? FirstPlanSeconds { get; init; }

    /// <summary>
    /// Engine: when the first tier's search started, i.e. model, flow bound and greedy hint were ready. The hint is a
    /// complete plan that passes the checker, and the engine returns it when CP-SAT finds nothing better.
    /// </summary>
    public double? HintReadySeconds { get; init; }

    /// <summary>First tier proven within <see cref="TargetGap"/> (progress callback or the tier's end).</summary>
    public double? GapSeconds { get; init; }

    /// <summary>First tier proven optimal (gap 0).</summary>
    public double? OptimalSeconds { get; init; }

    public double TotalSeconds { get; init; }

    /// <summary>First-tier value: unplaced × (max rank cost × pupils + 1) + rank cost (comparable across all rows).</summary>
    public double? FirstTierObjective { get; init; }

    public double? FirstTierBound { get; init; }

    public double? FirstTierGap { get; init; }

    /// <summary>The largest gap over all tiers (the engine's final gap).</summary>
    public double? FinalGap { get; init; }

    public string TierGaps { get; init; } = "-";

    /// <summary>CP-SAT deterministic time over all tiers.</summary>
    public double? DeterministicTime { get; init; }

    public int? FlowBoundUnplaced { get; init; }

    public int Unplaced { get; init; }

    public double FirstChoicePercent { get; init; }

    public double TopThreePercent { get; init; }

    public int WorstRank { get; init; }

    public long RankCost { get; init; }

    public int Buses { get; init; }

    public int StaffAfternoons { get; init; }

    public bool IsValid { get; init; } = true;

    public long PeakMegabytes { get; init; }

    /// <summary>Same-run ratio: the engine's <see cref="GapSeconds"/> ÷ this row's (peer rows only; &lt; 1: the engine is faster).</summary>
    public double? OursOverTheirs { get; init; }

    /// <summary>Re-plan rows: the cold solve's seconds, pupils moved and the proven lower bound on pupils that must move.</summary>
    public double? ColdSeconds { get; init; }

    public int? MovedPupils { get; init; }

    public int? UnavoidableMoves { get; init; }

    /// <summary>"&gt;" when the engine missed the gap (the ratio is a lower bound), "&lt;" when the peer missed it, else "".</summary>
    public string RatioBound { get; init; } = "";

    /// <summary>For a median row: spread (max/min − 1) of the same-run ratio, or of the time to gap when the row has no ratio.</summary>
    public double? Spread { get; init; }

    /// <summary>Rows of one cell (family, variant, seed, method) are compared across runs and files by this key.</summary>
    [JsonIgnore]
    public string Key => $"{Family}/{Variant}/seed {Seed}/{Method}";

    [JsonIgnore]
    public bool IsEngine => Method.StartsWith("CP-SAT engine", StringComparison.Ordinal);

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static BenchmarkRow FromJson(string line) =>
        JsonSerializer.Deserialize<BenchmarkRow>(line, Json) ?? throw new FormatException("Empty JSON line.");

    public static BenchmarkRow FromQuality(AllocationQuality quality, SchedulingProblem problem) => new()
    {
        Pupils = problem.Pupils.Length,
        Unplaced = quality.UnplacedCount,
        FirstChoicePercent = Math.Round(quality.FirstChoiceRate * 100, 1),
        TopThreePercent = Math.Round(quality.TopThreeRate * 100, 1),
        WorstRank = quality.WorstRank,
        RankCost = quality.RankCost,
        Buses = quality.BusAfternoons,
        StaffAfternoons = quality.StaffAfternoons,
        FirstTierObjective = FirstTierValue(problem, quality),
    };

    /// <summary>The engine's first tier as a number for any plan (one placement per pupil, lexicographic objective).</summary>
    public static double FirstTierValue(SchedulingProblem problem, AllocationQuality quality)
    {
        var objective = problem.Rules.Objective;
        var maxRankCost = Enumerable.Range(1, Math.Max(1, objective.RankCosts.IsDefaultOrEmpty ? 6 : objective.RankCosts.Length)).Max(objective.RankCost);
        var unplacedCost = ((long)maxRankCost * problem.Pupils.Length) + 1;
        return (quality.UnplacedCount * unplacedCost) + quality.RankCost;
    }

    public static string Header =>
        "| instance | variant | method | status | hint ready s | first plan s | ≤ gap s (tier 1) | optimal s (tier 1) | total s | tier-1 gap % | final gap % | unplaced | 1st % | top-3 % | worst rank | rank cost | buses | staff-afternoons | ours / theirs | spread | valid | peak MB | gap (per tier) |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Instance} | {Variant} | {Method}{(Runs > 1 ? $" (median of {Runs})" : "")} | {Status} | {Seconds(HintReadySeconds)} | {Seconds(FirstPlanSeconds)} | {Seconds(GapSeconds)} | {Seconds(OptimalSeconds)} | {TotalSeconds:F2} | {Percent(FirstTierGap)} | {Percent(FinalGap)} | {Unplaced} | {FirstChoicePercent:F1} | {TopThreePercent:F1} | {WorstRank} | {RankCost} | {Buses} | {StaffAfternoons} | {(OursOverTheirs is { } r ? RatioBound + r.ToString("F2", CultureInfo.InvariantCulture) : "-")} | {Percent(Spread)} | {(!IsValid ? "INVALID" : FirstTierObjective is null ? "- (no plan)" : "VALID")} | {PeakMegabytes} | {TierGaps} |");

    public static string Seconds(double? value) => value is { } v ? v.ToString("F2", CultureInfo.InvariantCulture) : "-";

    public static string Percent(double? value) => value is { } v ? (v * 100).ToString("F2", CultureInfo.InvariantCulture) : "-";

    public static bool Check(SchedulingProblem problem, Allocation allocation) => AllocationChecker.Check(problem, allocation).IsEmpty;
}
