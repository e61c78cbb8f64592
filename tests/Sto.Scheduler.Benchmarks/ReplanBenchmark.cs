using System.Diagnostics;
using System.Globalization;
using Sto.Scheduler.Engine.Decoding;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Replanning;
using Sto.Scheduler.Engine.Serialization;
using Sto.Scheduler.Engine.Solving;

namespace Sto.Scheduler.Benchmarks;

/// <summary>
/// Issue 5's re-plan goal: after one cancelled venue-week (the busiest hotspot week, else the busiest venue-week),
/// how long does the re-plan take against the cold solve, and how many pupils move against the proven minimum?
/// </summary>
internal static class ReplanBenchmark
{
    public const string Method = "re-plan (cancelled venue-week)";

    /// <summary>Prints the Markdown row and returns it as a benchmark row (for <c>--json</c> and goal G9), or null.</summary>
    /// <param name="replanParameters">Extra CP-SAT parameters for the re-plan only (the cold solve runs as shipped).</param>
    /// <param name="coldPlanFile">
    /// Where to keep the cold plan: read when it exists (the re-plan then starts from the same plan on every run, with
    /// the cold time of that solve), else written after the cold solve. Null: always solve.
    /// </param>
    public static BenchmarkRow? Run(string name, SchedulingProblem problem, SolverSettings cold, double replanShare, string replanParameters = "", string? coldPlanFile = null)
    {
        var clock = Stopwatch.StartNew();
        var (allocation, coldSeconds) = ColdPlan(problem, cold, coldPlanFile);
        var baseline = (Allocation: allocation, Quality: QualityCalculator.Calculate(problem, allocation));

        var (venue, week) = BusiestVenueWeek(problem, baseline.Allocation);
        var settings = cold with { TimeLimit = TimeSpan.FromSeconds(Math.Max(1, coldSeconds * replanShare)), ExtraParameters = replanParameters };
        clock.Restart();
        var outcome = ReplanSolver.Replan(
            new ReplanRequest { Problem = problem, Baseline = baseline.Allocation, Disruptions = [new Disruption.VenueCapacityChanged(venue, [week], 0)] },
            settings);
        var replanSeconds = clock.Elapsed.TotalSeconds;

        if (outcome is not ReplanOutcome.Replanned replanned)
        {
            Console.WriteLine($"| {name} | re-plan invalid: {string.Join("; ", ((ReplanOutcome.Invalid)outcome).Issues.Take(3))} |");
            return null;
        }

        var moves = replanned.Statistics.Tiers.FirstOrDefault(t => t.Tier == "moves");
        foreach (var tier in replanned.Statistics.Tiers)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    re-plan tier {tier.Tier}: objective {tier.Objective}, bound {tier.BestBound}, gap {tier.Gap * 100:F3}%, {tier.Elapsed.TotalSeconds:F2} s"));
        }

        var moved = replanned.Diff.MovedPupilCount;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {venue} closed {week} | {coldSeconds:F1} | {replanSeconds:F1} | {replanSeconds / coldSeconds:F2} | {moved} | {replanned.UnavoidableMoves} | {(replanned.UnavoidableMoves == 0 ? (moved == 0 ? "1.00" : "∞") : (moved / (double)replanned.UnavoidableMoves).ToString("F2", CultureInfo.InvariantCulture))} | {(moves?.Gap ?? 1) * 100:F2} % | {replanned.Quality.UnplacedCount} (was {baseline.Quality.UnplacedCount}) |"));
        return BenchmarkRow.FromQuality(replanned.Quality, problem) with
        {
            Family = name,
            Variant = BenchVariant.Buses,
            Seed = cold.RandomSeed,
            Repeat = 1,
            Instance = $"{name} ({problem.Pupils.Length} pupils), {venue} closed {week}",
            Method = Method,
            Status = replanned.Status.ToString(),
            LimitSeconds = settings.TimeLimit.TotalSeconds,
            TotalSeconds = replanSeconds,
            ColdSeconds = coldSeconds,
            MovedPupils = moved,
            UnavoidableMoves = replanned.UnavoidableMoves,
            FirstTierGap = moves?.Gap,
            FinalGap = replanned.Statistics.Gap,
            PeakMegabytes = BenchCell.Peak(),
        };
    }

    private static (Allocation Plan, double Seconds) ColdPlan(SchedulingProblem problem, SolverSettings cold, string? file)
    {
        if (file is not null && File.Exists(file))
        {
            var lines = File.ReadAllLines(file);
            return (ProblemJson.DeserializeAllocation(string.Join('\n', lines.Skip(1))), double.Parse(lines[0], CultureInfo.InvariantCulture));
        }

        var clock = Stopwatch.StartNew();
        var solved = (SolveOutcome.Solved)AllocationSolver.Solve(problem, cold);
        var seconds = clock.Elapsed.TotalSeconds;
        if (file is not null)
        {
            File.WriteAllLines(file, [seconds.ToString("R", CultureInfo.InvariantCulture), ProblemJson.SerializeAllocation(solved.Allocation)]);
        }

        return (solved.Allocation, seconds);
    }

    public const string Header =
        "| instance | disruption | cold s | re-plan s | re-plan / cold | pupils moved | unavoidable (lower bound) | moved / unavoidable | moves-tier gap | unplaced |\n"
        + "|---|---|---|---|---|---|---|---|---|---|";

    private static (VenueId Venue, Week Week) BusiestVenueWeek(SchedulingProblem problem, Allocation allocation)
    {
        var offers = problem.Offers.ToDictionary(o => o.Id);
        var venues = problem.Venues.ToDictionary(v => v.Id);
        var load = allocation.Placements
            .SelectMany(p => offers[p.Offer].Sessions.Select(s => (s.Venue, s.Week)))
            .GroupBy(x => x)
            .Select(g => (g.Key.Venue, g.Key.Week, Pupils: g.Count(), IsHotspot: venues[g.Key.Venue].Kind == VenueKind.CompanyHotspot))
            .OrderByDescending(x => x.IsHotspot)
            .ThenByDescending(x => x.Pupils)
            .First();
        return (load.Venue, load.Week);
    }
}
