using System.Diagnostics;
using System.Globalization;
using Sto.Scheduler.Engine.Baselines;
using Sto.Scheduler.Engine.Decoding;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Solving;

namespace Sto.Scheduler.Benchmarks;

/// <summary>What one cell runs: the limits, the engine's settings and the optional MIP peers.</summary>
internal sealed record CellOptions
{
    public double Seconds { get; init; } = 60;

    public double Gap { get; init; } = 0.005;

    public int Seed { get; init; } = 1;

    public int Repeat { get; init; } = 1;

    public int Workers { get; init; } = 2;

    public string ExtraParameters { get; init; } = "";

    /// <summary>SolverSettings.NeighbourhoodSearchShare (experiment; 0 = off).</summary>
    public double NeighbourhoodSearchShare { get; init; }

    /// <summary>MPSolver backends run on the engine's first tier after the engine ("CBC", "HIGHS", "SCIP").</summary>
    public IReadOnlyList<string> Peers { get; init; } = [];
}

/// <summary>
/// One cell of the benchmark: FCFS, RSD and the CP-SAT engine (and optionally MIP peers on the engine's first tier) on
/// one instance, in this process. Returns one <see cref="BenchmarkRow"/> per method.
/// </summary>
internal static class BenchCell
{
    public static List<BenchmarkRow> Run(string family, string variant, string instance, SchedulingProblem problem, CellOptions options, Action<SolveOutcome.Solved>? onEngine = null)
    {
        var label = $"{instance} ({problem.Pupils.Length} pupils, {problem.Offers.Length} offers, {problem.Staff.Length} staff)";
        var cell = new BenchmarkRow
        {
            Family = family,
            Variant = variant,
            Seed = options.Seed,
            Repeat = options.Repeat,
            Instance = label,
            LimitSeconds = options.Seconds,
            TargetGap = options.Gap,
        };

        var rows = new List<BenchmarkRow>();
        foreach (var (method, order) in new[]
        {
            ("FCFS (schools in turn)", ArrivalOrders.FirstComeFirstServed(problem, options.Seed)),
            ("RSD (random order)", ArrivalOrders.RandomSerialDictatorship(problem, options.Seed)),
        })
        {
            var clock = Stopwatch.StartNew();
            var allocation = GreedyAllocator.Allocate(problem, order);
            var elapsed = clock.Elapsed.TotalSeconds;
            rows.Add(Merge(cell, BenchmarkRow.FromQuality(QualityCalculator.Calculate(problem, allocation), problem)) with
            {
                Method = method,
                Status = "-",
                FirstPlanSeconds = elapsed,
                TotalSeconds = elapsed,
                IsValid = BenchmarkRow.Check(problem, allocation),
                PeakMegabytes = Peak(),
            });
        }

        var engine = RunEngine(cell, problem, options, onEngine);
        if (engine is not null)
        {
            rows.Add(engine);
        }

        if (options.Peers.Count > 0)
        {
            var peers = new Peers(problem, options.Seconds, options.Gap, Console.Error);
            foreach (var (result, allocation) in peers.RunMipPeers(options.Peers))
            {
                var row = allocation is null
                    ? cell with { Pupils = problem.Pupils.Length, Unplaced = result.Unplaced ?? problem.Pupils.Length, FirstTierObjective = null }
                    : Merge(cell, BenchmarkRow.FromQuality(QualityCalculator.Calculate(problem, allocation), problem));
                rows.Add(row with
                {
                    Method = result.Peer + " (first tier)",
                    Status = result.Status,
                    TotalSeconds = result.Seconds,
                    GapSeconds = result.SecondsToTarget,
                    OptimalSeconds = result.Gap == 0 && result.SecondsToTarget is { } s ? s : null,
                    FirstTierObjective = result.Objective,
                    FirstTierBound = result.Bound,
                    FirstTierGap = result.Gap,
                    FinalGap = result.Gap,
                    IsValid = result.Valid is "VALID" or "-",
                    PeakMegabytes = Peak(),
                    OursOverTheirs = Ratio(engine?.GapSeconds, result.SecondsToTarget, options.Seconds),
                    RatioBound = (engine?.GapSeconds, result.SecondsToTarget) switch
                    {
                        (null, not null) => ">",
                        (not null, null) => "<",
                        _ => "",
                    },
                });
            }
        }

        return rows;
    }

    /// <summary>
    /// The engine's time ratio to a peer on the same gap: ours ÷ theirs. When one side did not reach the gap within
    /// the limit, its time counts as the limit (so the figure is a bound: the peer row's status says which).
    /// </summary>
    public static double? Ratio(double? ours, double? theirs, double limit) => (ours, theirs) switch
    {
        ({ } o, { } t) => o / Math.Max(1e-3, t),
        ({ } o, null) => o / limit,
        (null, { } t) => limit / Math.Max(1e-3, t),
        _ => null,
    };

    private static BenchmarkRow? RunEngine(BenchmarkRow cell, SchedulingProblem problem, CellOptions options, Action<SolveOutcome.Solved>? onEngine)
    {
        var settings = SolverSettings.Default with
        {
            TimeLimit = TimeSpan.FromSeconds(options.Seconds),
            RelativeGapLimit = options.Gap,
            RandomSeed = options.Seed,
            Workers = options.Workers,
            ExtraParameters = options.ExtraParameters,
            NeighbourhoodSearchShare = options.NeighbourhoodSearchShare,
        };
        var progress = new ProgressRecorder(options.Gap);
        var outcome = AllocationSolver.Solve(problem, settings, progress);
        if (outcome is SolveOutcome.Invalid invalid)
        {
            Console.Error.WriteLine($"Invalid instance: {string.Join("; ", invalid.Issues.Take(5))}");
            return null;
        }

        var solved = (SolveOutcome.Solved)outcome;
        var statistics = solved.Statistics;
        var first = statistics.Tiers.FirstOrDefault();
        double? tierEndGap = first is not null && first.Gap <= options.Gap + 1e-12 ? first.FinishedAt.TotalSeconds : null;
        double? tierEndOptimal = first is { IsProvenOptimal: true } ? first.FinishedAt.TotalSeconds : null;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {cell.Instance} {cell.Variant}: pairs {statistics.CandidatePairs}, variables {statistics.Variables}, constraints {statistics.Constraints}, flow bound unplaced {statistics.FlowBoundUnplaced}, hint unplaced {statistics.HintUnplaced}"));
        foreach (var tier in statistics.Tiers)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    tier {tier.Tier}: objective {tier.Objective}, bound {tier.BestBound}, gap {tier.Gap * 100:F3}%, {tier.Elapsed.TotalSeconds:F2} s (ends at {tier.FinishedAt.TotalSeconds:F2} s), dtime {tier.DeterministicTime:F2}, bound by {tier.BoundSource}{(tier.Companion is null ? "" : "; " + tier.Companion)}"));
        }

        onEngine?.Invoke(solved);
        return Merge(cell, BenchmarkRow.FromQuality(solved.Quality, problem)) with
        {
            Method = "CP-SAT engine",
            Status = solved.Status.ToString(),
            FirstPlanSeconds = progress.FirstPlan?.TotalSeconds,
            HintReadySeconds = settings.UseGreedyHint && first is not null ? (first.FinishedAt - first.Elapsed).TotalSeconds : null,
            GapSeconds = Min(progress.FirstTierGap?.TotalSeconds, tierEndGap),
            OptimalSeconds = Min(progress.FirstTierOptimal?.TotalSeconds, tierEndOptimal),
            TotalSeconds = statistics.Elapsed.TotalSeconds,
            FirstTierBound = first?.BestBound,
            FirstTierGap = first?.Gap,
            FinalGap = statistics.Gap,
            TierGaps = string.Join(" / ", statistics.Tiers.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Tier} {t.Gap * 100:F2}%"))),
            DeterministicTime = statistics.Tiers.Sum(t => t.DeterministicTime),
            FlowBoundUnplaced = statistics.FlowBoundUnplaced,
            IsValid = BenchmarkRow.Check(problem, solved.Allocation),
            PeakMegabytes = Peak(),
        };
    }

    private static double? Min(double? a, double? b) => (a, b) switch
    {
        ({ } x, { } y) => Math.Min(x, y),
        _ => a ?? b,
    };

    /// <summary>The cell's identity plus the quality figures.</summary>
    private static BenchmarkRow Merge(BenchmarkRow cell, BenchmarkRow quality) => cell with
    {
        Pupils = quality.Pupils,
        Unplaced = quality.Unplaced,
        FirstChoicePercent = quality.FirstChoicePercent,
        TopThreePercent = quality.TopThreePercent,
        WorstRank = quality.WorstRank,
        RankCost = quality.RankCost,
        Buses = quality.Buses,
        StaffAfternoons = quality.StaffAfternoons,
        FirstTierObjective = quality.FirstTierObjective,
    };

    public static long Peak()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / (1024 * 1024);
    }

    /// <summary>
    /// Reads the engine's progress callback synchronously: the first plan, and the first report of tier 1 within the
    /// target gap and at gap 0. (A tier can also end proven without a new solution; the caller takes the tier's end.)
    /// </summary>
    private sealed class ProgressRecorder(double target) : IProgress<SolveProgress>
    {
        public TimeSpan? FirstPlan { get; private set; }

        public TimeSpan? FirstTierGap { get; private set; }

        public TimeSpan? FirstTierOptimal { get; private set; }

        public void Report(SolveProgress value)
        {
            FirstPlan ??= value.Elapsed;
            if (value.TierNumber != 1)
            {
                return;
            }

            if (value.Gap <= target + 1e-12)
            {
                FirstTierGap ??= value.Elapsed;
            }

            if (value.Objective == value.BestBound)
            {
                FirstTierOptimal ??= value.Elapsed;
            }
        }
    }
}
