using System.Globalization;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Benchmarks;

/// <summary>One line of the benchmark table: one method on one instance.</summary>
internal sealed record BenchmarkRow(
    string Instance,
    string Method,
    string Status,
    double FirstSeconds,
    double TotalSeconds,
    AllocationQuality Quality,
    string Gap,
    bool IsValid,
    long PeakMegabytes)
{
    public static string Header =>
        "| instance | method | status | first plan s | total s | unplaced | 1st % | top-3 % | worst rank | rank cost | buses | staff-afternoons | gap (per tier) | valid | peak MB |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Instance} | {Method} | {Status} | {FirstSeconds:F2} | {TotalSeconds:F2} | {Quality.UnplacedCount} | {Quality.FirstChoiceRate * 100:F1} | {Quality.TopThreeRate * 100:F1} | {Quality.WorstRank} | {Quality.RankCost} | {Quality.BusAfternoons} | {Quality.StaffAfternoons} | {Gap} | {(IsValid ? "VALID" : "INVALID")} | {PeakMegabytes} |");

    public static bool Check(SchedulingProblem problem, Allocation allocation) => AllocationChecker.Check(problem, allocation).IsEmpty;
}
