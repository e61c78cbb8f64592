using System.Diagnostics;
using System.Globalization;
using Sto.Scheduler.Benchmarks;
using Sto.Scheduler.Engine.Baselines;
using Sto.Scheduler.Engine.DemoData;
using Sto.Scheduler.Engine.Decoding;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Serialization;
using Sto.Scheduler.Engine.Solving;

// Usage:
//   bench [--sizes 300,1000,5000] [--seconds 60] [--seed 1]   one child process per instance (peak memory per solve)
//   one --pupils N [--seconds S] [--seed K]                    solve one generated instance, print its rows
//   demo [--file data/demo-subregion.json] [--seconds S]       solve the demo subregion and print the metrics table
//   peers [--sizes 300,1000] [--seconds 60] [--gap 0.005] [--scip] [--fidelity]
//                                                              first tier: CP-SAT vs MIP peers on the same model, one child per size
//   peers-one --pupils N [...]                                 the peers of one generated instance
var mode = args.Length > 0 ? args[0] : "bench";
var seconds = Option("--seconds", 60.0);
var seed = (int)Option("--seed", 1.0);

switch (mode)
{
    case "bench":
        var sizes = OptionText("--sizes", "300,1000,5000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture));
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, time limit {seconds} s, seed {seed}");
        Console.WriteLine();
        Console.WriteLine(BenchmarkRow.Header);
        foreach (var size in sizes)
        {
            RunChild(size);
        }

        break;
    case "peers":
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, OR-Tools {Google.OrTools.Init.OrToolsVersion.VersionString()}, time limit {seconds} s per solver, target gap {Option("--gap", 0.005) * 100} %, seed {seed}"));
        foreach (var size in OptionText("--sizes", "300,1000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)))
        {
            RunChild(size, "peers-one", [.. args.Where(a => a is "--scip" or "--fidelity")]);
        }

        break;
    case "peers-one":
        RunPeers((int)Option("--pupils", 300));
        break;
    case "one":
        SolveOne((int)Option("--pupils", 300), Name((int)Option("--pupils", 300)), Generate((int)Option("--pupils", 300)));
        break;
    case "replan":
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores; cold solve limit {seconds} s; re-plan limit {Option("--replan-share", 0.2) * 100:F0} % of the cold time");
        Console.WriteLine();
        Console.WriteLine(ReplanBenchmark.Header);
        foreach (var size in OptionText("--sizes", "300,1000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)))
        {
            ReplanBenchmark.Run(Name(size), Generate(size), SolverSettings.Default with { TimeLimit = TimeSpan.FromSeconds(seconds) }, Option("--replan-share", 0.2));
        }

        break;
    case "stats":
        ModelStats.Print(Generate((int)Option("--pupils", 300)), seed);
        break;
    case "demo":
        var file = OptionText("--file", Path.Combine(FindRoot(), "data", "demo-subregion.json"));
        var problem = ProblemJson.Deserialize(File.ReadAllText(file));
        Console.WriteLine(BenchmarkRow.Header);
        var demo = SolveOne(problem.Pupils.Length, "demo " + problem.Name, problem);
        if (demo is not null)
        {
            Console.WriteLine();
            Console.WriteLine(QualityReport.Render(demo.Quality));
            var fairness = Sto.Scheduler.Engine.Explanation.FairnessReport.Calculate(problem, demo.Allocation);
            Console.WriteLine($"justified envy: {fairness.JustifiedEnvyCount}");
            foreach (var finding in Sto.Scheduler.Engine.Explanation.RunDiagnosis.Diagnose(problem, demo.Allocation).Take(5))
            {
                Console.WriteLine("diagnosis: " + Sto.Scheduler.Engine.Explanation.ExplanationText.Render(finding));
            }
        }

        break;
    default:
        Console.Error.WriteLine($"Unknown mode '{mode}'. Use bench, one, stats, demo, peers or peers-one.");
        return 2;
}

return 0;

SchedulingProblem Generate(int pupils)
{
    var parameters = pupils switch
    {
        <= 300 => DemoParameters.Subregion(seed),
        <= 1000 => DemoParameters.LargeSubregion(seed),
        _ => DemoParameters.Region(seed),
    };
    parameters = parameters with
    {
        MinimumSeatsPerPupil = Option("--seats-per-pupil", parameters.MinimumSeatsPerPupil),
        PopularitySigma = Option("--sigma", parameters.PopularitySigma),
        PreferenceDecayKm = Option("--decay-km", parameters.PreferenceDecayKm),
        StaffFactor = Option("--staff-factor", parameters.StaffFactor),
    };
    return DemoSubregionGenerator.Generate(parameters);
}

string Name(int pupils) => pupils switch { <= 300 => "subregion", <= 1000 => "large subregion", _ => "region" };

SolveOutcome.Solved? SolveOne(int size, string name, SchedulingProblem problem)
{
    var label = $"{name} ({problem.Pupils.Length} pupils, {problem.Offers.Length} offers, {problem.Staff.Length} staff)";
    foreach (var (method, order) in new[]
    {
        ("FCFS (schools in turn)", ArrivalOrders.FirstComeFirstServed(problem, seed)),
        ("RSD (random order)", ArrivalOrders.RandomSerialDictatorship(problem, seed)),
    })
    {
        var clock = Stopwatch.StartNew();
        var allocation = GreedyAllocator.Allocate(problem, order);
        var elapsed = clock.Elapsed.TotalSeconds;
        var quality = QualityCalculator.Calculate(problem, allocation);
        Console.WriteLine(new BenchmarkRow(label, method, "-", elapsed, elapsed, quality, "-", BenchmarkRow.Check(problem, allocation), Peak()));
    }

    var settings = SolverSettings.Default with
    {
        TimeLimit = TimeSpan.FromSeconds(seconds),
        Workers = (int)Option("--workers", 2),
        ExtraParameters = OptionText("--cpsat", ""),
    };
    var outcome = AllocationSolver.Solve(problem, settings);
    if (outcome is SolveOutcome.Solved solved)
    {
        var gaps = string.Join(" / ", solved.Statistics.Tiers.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Tier} {t.Gap * 100:F2}%")));
        Console.WriteLine(new BenchmarkRow(
            label, "CP-SAT engine", solved.Status.ToString(), solved.Statistics.TimeToFirstSolution.TotalSeconds,
            solved.Statistics.Elapsed.TotalSeconds, solved.Quality, gaps, BenchmarkRow.Check(problem, solved.Allocation), Peak()));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label}: pairs {solved.Statistics.CandidatePairs}, variables {solved.Statistics.Variables}, constraints {solved.Statistics.Constraints}, flow bound unplaced {solved.Statistics.FlowBoundUnplaced}, flow rank cost {solved.Statistics.FlowBoundRankCost}, hint unplaced {solved.Statistics.HintUnplaced}"));
        foreach (var tier in solved.Statistics.Tiers)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    tier {tier.Tier}: objective {tier.Objective}, bound {tier.BestBound}, gap {tier.Gap * 100:F3}%, {tier.Elapsed.TotalSeconds:F2} s"));
        }

        return solved;
    }
    else if (outcome is SolveOutcome.Invalid invalid)
    {
        Console.Error.WriteLine($"Invalid instance: {string.Join("; ", invalid.Issues.Take(5))}");
    }

    return null;
}

void RunPeers(int size)
{
    var problem = Generate(size);
    var gap = Option("--gap", 0.005);
    var label = $"{Name(size)} ({problem.Pupils.Length} pupils, {problem.Offers.Length} offers, {problem.Staff.Length} staff), seed {seed}";
    Console.Error.WriteLine(label);
    var peers = new Peers(problem, seconds, gap, Console.Error);
    var results = peers.Run(args.Contains("--scip"), args.Contains("--fidelity") || size <= 300);
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"### {label}: first tier, target gap {gap * 100} %, limit {seconds} s, machine {Environment.ProcessorCount} cores"));
    Console.WriteLine();
    Console.WriteLine(Peers.Header);
    foreach (var row in Peers.Rows(results, seconds))
    {
        Console.WriteLine(row);
    }

    if (peers.FidelityLine is { } fidelity)
    {
        Console.WriteLine();
        Console.WriteLine(fidelity);
    }
}

void RunChild(int size, string childMode = "one", string[]? extra = null)
{
    var self = Environment.ProcessPath ?? "dotnet";
    var dll = typeof(BenchmarkRow).Assembly.Location;
    var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
    if (Path.GetFileNameWithoutExtension(self) == "dotnet")
    {
        start.ArgumentList.Add(dll);
    }

    foreach (var arg in new[] { childMode, "--pupils", size.ToString(CultureInfo.InvariantCulture), "--seconds", seconds.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture), "--gap", Option("--gap", 0.005).ToString(CultureInfo.InvariantCulture) }.Concat(extra ?? []))
    {
        start.ArgumentList.Add(arg);
    }

    using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the benchmark child process.");
    // Native solvers print banners on stdout ("Running HiGHS …"): keep them out of the Markdown.
    foreach (var line in child.StandardOutput.ReadToEnd().Split('\n').SkipLast(1))
    {
        if (!line.StartsWith("Running HiGHS", StringComparison.Ordinal))
        {
            Console.WriteLine(line);
        }
    }

    child.WaitForExit();
}

static long Peak()
{
    using var process = Process.GetCurrentProcess();
    return process.PeakWorkingSet64 / (1024 * 1024);
}

double Option(string name, double fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? double.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

string OptionText(string name, string fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

static string FindRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sto.Scheduler.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? Directory.GetCurrentDirectory();
}
