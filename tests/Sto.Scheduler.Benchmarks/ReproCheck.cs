using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Serialization;
using Sto.Scheduler.Engine.Solving;

namespace Sto.Scheduler.Benchmarks;

/// <summary>
/// G11: solves the same instance twice in reproducible mode (<see cref="SolverSettings.Deterministic"/>: 1 worker,
/// fixed seed, a deterministic-time budget) and compares the two plans byte for byte (both serialised with
/// <see cref="ProblemJson.SerializeAllocation"/>) and the deterministic time per tier. Prints YES or NO.
/// </summary>
internal static class ReproCheck
{
    private const double SameWorkTolerance = 1e-12;

    public const string Method = "reproducible check";

    public static BenchmarkRow Run(string family, string variant, SchedulingProblem problem, int seed, double deterministicSeconds, TextWriter output)
    {
        var settings = SolverSettings.Deterministic with { RandomSeed = seed, DeterministicTimeLimit = deterministicSeconds };
        var runs = new List<(byte[] Plan, double[] DeterministicTimes, SolveOutcome.Solved Solved, double Seconds)>();
        for (var i = 0; i < 2; i++)
        {
            var clock = Stopwatch.StartNew();
            var outcome = AllocationSolver.Solve(problem, settings);
            if (outcome is not SolveOutcome.Solved solved)
            {
                throw new InvalidOperationException($"The instance is invalid: {string.Join("; ", ((SolveOutcome.Invalid)outcome).Issues.Take(3))}");
            }

            runs.Add((Encoding.UTF8.GetBytes(ProblemJson.SerializeAllocation(solved.Allocation)), [.. solved.Statistics.Tiers.Select(t => t.DeterministicTime)], solved, clock.Elapsed.TotalSeconds));
        }

        var (first, second) = (runs[0], runs[1]);
        var samePlan = first.Plan.AsSpan().SequenceEqual(second.Plan);
        var bitIdentical = first.DeterministicTimes.SequenceEqual(second.DeterministicTimes);
        var workDifference = first.DeterministicTimes.Zip(second.DeterministicTimes, (a, b) => Math.Abs(a - b) / Math.Max(1e-12, Math.Max(Math.Abs(a), Math.Abs(b)))).DefaultIfEmpty(0).Max();
        // CP-SAT sums its deterministic time in floating point, and the order of that sum can differ in the last bit
        // between two otherwise identical searches (seen: 1.4e-16 relative); the same work to 12 digits is the same search.
        var sameWork = first.DeterministicTimes.Length == second.DeterministicTimes.Length && workDifference <= SameWorkTolerance;
        var verdict = samePlan && sameWork ? "YES" : "NO";

        output.WriteLine(Invariant($"Reproducible mode: {problem.Name} ({problem.Pupils.Length} pupils), {BenchVariant.Describe(variant)}, 1 worker, random_seed {seed}, deterministic budget {deterministicSeconds} s, machine {Environment.ProcessorCount} cores"));
        output.WriteLine();
        output.WriteLine("| run | wall s | status | plan bytes | plan SHA-256 | deterministic time per tier | tier gaps |");
        output.WriteLine("|---|---|---|---|---|---|---|");
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            output.WriteLine(Invariant($"| {i + 1} | {run.Seconds:F2} | {run.Solved.Status} | {run.Plan.Length} | {Convert.ToHexString(SHA256.HashData(run.Plan))[..16]} | {string.Join(" / ", run.DeterministicTimes.Select(d => d.ToString("F6", CultureInfo.InvariantCulture)))} | {string.Join(" / ", run.Solved.Statistics.Tiers.Select(t => Invariant($"{t.Tier} {t.Gap * 100:F2}%")))} |"));
        }

        output.WriteLine();
        output.WriteLine(Invariant($"Byte-identical plans: {(samePlan ? "YES" : "NO")}; deterministic time equal to 12 digits: {(sameWork ? (bitIdentical ? "YES (bit-identical)" : Invariant($"YES (largest relative difference {workDifference:E2})")) : $"NO (largest relative difference {workDifference:E2}; run 1 {string.Join(" / ", first.DeterministicTimes.Select(d => d.ToString("R", CultureInfo.InvariantCulture)))}, run 2 {string.Join(" / ", second.DeterministicTimes.Select(d => d.ToString("R", CultureInfo.InvariantCulture)))})")} → reproducible: **{verdict}**"));

        var solvedFirst = first.Solved;
        return BenchmarkRow.FromQuality(solvedFirst.Quality, problem) with
        {
            Family = family,
            Variant = variant,
            Seed = seed,
            Repeat = 1,
            Instance = $"{family} ({problem.Pupils.Length} pupils)",
            Method = Method + " (1 worker, fixed seed)",
            Status = verdict,
            LimitSeconds = settings.TimeLimit.TotalSeconds,
            TargetGap = 0,
            TotalSeconds = first.Seconds,
            FirstTierBound = solvedFirst.Statistics.Tiers.FirstOrDefault()?.BestBound,
            FirstTierGap = solvedFirst.Statistics.Tiers.FirstOrDefault()?.Gap,
            FinalGap = solvedFirst.Statistics.Gap,
            DeterministicTime = first.DeterministicTimes.Sum(),
            IsValid = BenchmarkRow.Check(problem, solvedFirst.Allocation),
            PeakMegabytes = BenchCell.Peak(),
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
