using System.Diagnostics;
using System.Globalization;
using Sto.Scheduler.Benchmarks;
using Sto.Scheduler.Engine.DemoData;
using Sto.Scheduler.Engine.Decoding;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Serialization;
using Sto.Scheduler.Engine.Solving;

// Usage (README "Benchmark" shows each with an example):
//   bench [--families subregion,large,region,stress | --sizes 300,1000,5000] [--variants M1,M2] [--seconds 60] [--seed 1]
//         [--gap 0.005] [--repeats N] [--peers cbc,highs] [--json PATH]
//                                        one child process per (repeat, family, variant): FCFS, RSD, engine (+ MIP peers);
//                                        medians and spread over repeats; the goal summary at the end
//   one --family F | --pupils N [--variant M2] [--seconds S] [--seed K] [--peers …] [--lns-share 0.35]   one cell in this process
//         (any mode that generates: --rank-costs 0,1,3,6,10,15 replaces the objective's rank costs, --rank-maximal
//         switches to rank-maximal preference tiers)
//   demo [--file data/demo-subregion.json] [--seconds S]       solve the demo subregion and print the metrics table
//   peers [--families … | --sizes 300,1000] [--seconds 60] [--gap 0.005] [--scip] [--fidelity]
//                                        first tier: CP-SAT vs MIP peers on the same model, one child per family
//   peers-one --family F | --pupils N [--mps PATH] [...]        the peers of one generated instance (PATH: also write
//                                        the first tier as MPS + PATH.names, column → CP-SAT variable)
//   replan [--families … | --sizes 300,1000] [--seconds 30] [--replan-share 0.2] [--cpsat PARAMS] [--cold-plan F]
//                                        cold solve, then one cancelled hotspot week (PARAMS: re-plan only; F, e.g.
//                                        /tmp/{family}.plan: keep the cold plan and reuse it on the next run)
//   stats --family F | --pupils N                              what the CP-SAT model is made of
//   firstplan --family F | --pupils N [--runs 3]                G6: seconds per step before CP-SAT, model hash
//   repro [--family subregion] [--variant M2] [--seed 1] [--dtime 10] [--json PATH]
//                                        G11: two solves in reproducible mode, byte-identical plans? YES/NO
//   compare OLD.jsonl NEW.jsonl          ratios new ÷ old per cell of two --json files
//   goals FILE.jsonl [FILE.jsonl …]      the goal summary over rows written earlier (bench, replan, repro)
//   table FILE.jsonl [FILE.jsonl …]      the Markdown table of rows written earlier
var mode = args.Length > 0 ? args[0] : "bench";
var seconds = Option("--seconds", 60.0);
var seed = (int)Option("--seed", 1.0);
var gap = Option("--gap", 0.005);
var machine = string.Create(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores{LoadAverage()}, .NET {Environment.Version}, OR-Tools {Google.OrTools.Init.OrToolsVersion.VersionString()}");

switch (mode)
{
    case "bench":
        RunBench();
        break;
    case "cell":
        foreach (var row in RunCell(BenchFamily.Find(OptionText("--family", "subregion")), OptionText("--variant", BenchVariant.Buses), (int)Option("--repeat", 1)))
        {
            Console.WriteLine("@row " + row.ToJson());
        }

        break;
    case "one":
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{machine}, time limit {seconds} s, target gap {gap * 100} %, seed {seed}"));
            Console.WriteLine();
            Console.WriteLine(BenchmarkRow.Header);
            var rows = RunCell(SelectedFamily(), OptionText("--variant", BenchVariant.Buses), 1);
            rows.ForEach(Console.WriteLine);
            WriteJson(rows);
            break;
        }

    case "peers":
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{machine}, time limit {seconds} s per solver, target gap {gap * 100} %, seed {seed}"));
        foreach (var family in BenchFamily.Parse(OptionTextOrNull("--families"), OptionTextOrNull("--sizes"), "subregion,large"))
        {
            RunChild(["peers-one", "--family", family.Name, .. args.Where(a => a is "--scip" or "--fidelity")], Console.WriteLine);
        }

        break;
    case "peers-one":
        RunPeers(SelectedFamily());
        break;
    case "replan":
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores; cold solve limit {seconds} s; re-plan limit {Option("--replan-share", 0.2) * 100:F0} % of the cold time");
        Console.WriteLine();
        Console.WriteLine(ReplanBenchmark.Header);
        {
            var replans = new List<BenchmarkRow>();
            foreach (var family in BenchFamily.Parse(OptionTextOrNull("--families"), OptionTextOrNull("--sizes"), "subregion,large"))
            {
                if (ReplanBenchmark.Run(family.Name, Generate(family), SolverSettings.Default with { TimeLimit = TimeSpan.FromSeconds(seconds), RandomSeed = seed }, Option("--replan-share", 0.2), OptionText("--cpsat", ""), OptionTextOrNull("--cold-plan")?.Replace("{family}", family.Name, StringComparison.Ordinal)) is { } row)
                {
                    replans.Add(row);
                }
            }

            WriteJson(replans);
        }

        break;
    case "stats":
        ModelStats.Print(Generate(SelectedFamily()), seed);
        break;
    case "firstplan":
        FirstPlanSteps.Print(Generate(SelectedFamily()), (int)Option("--runs", 3.0));
        break;
    case "demo":
        RunDemo();
        break;
    case "repro":
        {
            var family = BenchFamily.Find(OptionText("--family", "subregion"));
            var variant = OptionText("--variant", BenchVariant.Buses).ToUpperInvariant();
            var row = ReproCheck.Run(family.Name, variant, BenchVariant.Apply(Generate(family), variant), seed, Option("--dtime", 10.0), Console.Out);
            WriteJson([row]);
            return row.Status == "YES" ? 0 : 1;
        }

    case "compare":
        if (args.Length < 3)
        {
            Console.Error.WriteLine("Usage: compare OLD.jsonl NEW.jsonl");
            return 2;
        }

        Console.WriteLine($"Ratios new ÷ old ({args[2]} ÷ {args[1]}); < 1 is faster / smaller. Medians where a file has repeats. Machine now: {Environment.ProcessorCount} cores.");
        Console.WriteLine();
        Console.WriteLine(JsonLines.CompareHeader);
        foreach (var line in JsonLines.Compare(JsonLines.Read(args[1]), JsonLines.Read(args[2])))
        {
            Console.WriteLine(line);
        }

        break;
    case "table":
        Console.WriteLine($"Rows read from {string.Join(", ", args.Skip(1))} (core count per row in the JSON; this machine: {Environment.ProcessorCount} cores)");
        Console.WriteLine();
        Console.WriteLine(BenchmarkRow.Header);
        foreach (var row in args.Skip(1).SelectMany(JsonLines.Read))
        {
            Console.WriteLine(row);
        }

        break;
    case "goals":
        GoalSummary.Print(JsonLines.Representative([.. args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).SelectMany(JsonLines.Read)]), Console.Out);
        break;
    default:
        Console.Error.WriteLine($"Unknown mode '{mode}'. Use bench, one, demo, peers, peers-one, replan, stats, firstplan, repro, compare, goals or table.");
        return 2;
}

return 0;

void RunBench()
{
    var families = BenchFamily.Parse(OptionTextOrNull("--families"), OptionTextOrNull("--sizes"), "subregion,large,region");
    var variants = BenchVariant.Parse(OptionTextOrNull("--variants"));
    var repeats = Math.Max(1, (int)Option("--repeats", 1));
    var peers = OptionTextOrNull("--peers");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{machine}, time limit {seconds} s, target gap {gap * 100} %, seed {seed}, repeats {repeats}{(peers is null ? "" : $", peers {peers}")}"));
    Console.WriteLine();
    Console.WriteLine(BenchmarkRow.Header);
    var rows = new List<BenchmarkRow>();

    // Repeats outermost: each cell's runs are spread over the whole benchmark, so a slow spell of the machine does not
    // land on all runs of one cell.
    for (var repeat = 1; repeat <= repeats; repeat++)
    {
        foreach (var family in families)
        {
            foreach (var variant in variants)
            {
                var childArgs = new List<string> { "cell", "--family", family.Name, "--variant", variant, "--repeat", repeat.ToString(CultureInfo.InvariantCulture) };
                if (peers is not null)
                {
                    childArgs.AddRange(["--peers", peers]);
                }

                RunChild(childArgs, line =>
                {
                    if (line.StartsWith("@row ", StringComparison.Ordinal))
                    {
                        var row = BenchmarkRow.FromJson(line[5..]);
                        rows.Add(row);
                        Console.WriteLine(row);
                    }
                });
            }
        }
    }

    var summary = rows;
    if (repeats > 1)
    {
        summary = RowMedians.Summarise(rows);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"### Medians over {repeats} repeats; spread = max/min − 1 of the same-run ratio ours/theirs (peer rows) or of the engine's time to gap (engine rows); machine {Environment.ProcessorCount} cores"));
        Console.WriteLine();
        Console.WriteLine(BenchmarkRow.Header);
        summary.ForEach(Console.WriteLine);
    }

    WriteJson(repeats > 1 ? [.. rows, .. summary] : rows);
    if (!args.Contains("--no-goals"))
    {
        GoalSummary.Print(summary, Console.Out);
    }
}

List<BenchmarkRow> RunCell(BenchFamily family, string variant, int repeat)
{
    var problem = BenchVariant.Apply(Generate(family), variant.ToUpperInvariant());
    var options = new CellOptions
    {
        Seconds = seconds,
        Gap = gap,
        Seed = seed,
        Repeat = repeat,
        Workers = (int)Option("--workers", 2),
        ExtraParameters = OptionText("--cpsat", ""),
        NeighbourhoodSearchShare = Option("--lns-share", 0),
        Peers = OptionTextOrNull("--peers")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
    };
    return BenchCell.Run(family.Name, variant.ToUpperInvariant(), family.Name, problem, options);
}

void RunDemo()
{
    var file = OptionText("--file", Path.Combine(FindRoot(), "data", "demo-subregion.json"));
    var problem = ProblemJson.Deserialize(File.ReadAllText(file));
    Console.WriteLine(BenchmarkRow.Header);
    SolveOutcome.Solved? demo = null;
    var rows = BenchCell.Run("demo", BenchVariant.Buses, "demo " + problem.Name, problem, new CellOptions { Seconds = seconds, Gap = gap, Seed = seed }, solved => demo = solved);
    rows.ForEach(Console.WriteLine);
    if (demo is not null)
    {
        Console.WriteLine();
        Console.WriteLine(QualityReport.Render(demo.Quality));
        var fairness = Sto.Scheduler.Engine.Explanation.FairnessReport.Calculate(problem, demo.Allocation);
        Console.WriteLine($"justified envy: {fairness.JustifiedEnvyCount}");
        var diagnosis = Sto.Scheduler.Engine.Explanation.Diagnosis.CoreDiagnosis.Diagnose(problem, demo.Allocation);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"diagnosis (CP-SAT): {diagnosis.PupilsLeftOut} left out, {diagnosis.OffersClosed} offers closed, {diagnosis.SubjectsDiagnosed} diagnosed in {diagnosis.Solves} solves ({diagnosis.DeterministicSeconds:F2} deterministic s), {diagnosis.SubjectsNotDiagnosed} not diagnosed"));
        foreach (var diagnosisCase in diagnosis.Cases.Take(5))
        {
            Console.WriteLine("  " + Sto.Scheduler.Engine.Explanation.ExplanationText.Render(diagnosisCase));
        }
    }
}

BenchFamily SelectedFamily() => OptionTextOrNull("--family") is { } name
    ? BenchFamily.Find(name)
    : BenchFamily.ForSize((int)Option("--pupils", 300));

SchedulingProblem Generate(BenchFamily family)
{
    var parameters = family.Parameters(seed);
    parameters = parameters with
    {
        MinimumSeatsPerPupil = Option("--seats-per-pupil", parameters.MinimumSeatsPerPupil),
        PopularitySigma = Option("--sigma", parameters.PopularitySigma),
        PreferenceDecayKm = Option("--decay-km", parameters.PreferenceDecayKm),
        StaffFactor = Option("--staff-factor", parameters.StaffFactor),
    };
    var problem = DemoSubregionGenerator.Generate(parameters);
    var objective = problem.Rules.Objective with { RankMaximal = problem.Rules.Objective.RankMaximal || args.Contains("--rank-maximal") };
    if (OptionTextOrNull("--rank-costs") is { } costs)
    {
        objective = objective with { RankCosts = [.. costs.Split(',').Select(RankCost)] };
    }

    return problem with { Rules = problem.Rules with { Objective = objective } };
}

static int RankCost(string text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var cost)
    ? cost
    : throw new ArgumentException($"--rank-costs: '{text}' is not a whole number (expected e.g. 0,1,3,6,10,15).", nameof(text));

void RunPeers(BenchFamily family)
{
    var problem = Generate(family);
    var label = $"{family.Name} ({problem.Pupils.Length} pupils, {problem.Offers.Length} offers, {problem.Staff.Length} staff), seed {seed}";
    Console.Error.WriteLine(label);
    var peers = new Peers(problem, seconds, gap, Console.Error) { MpsPath = OptionTextOrNull("--mps") };
    var results = peers.Run(args.Contains("--scip"), args.Contains("--fidelity") || problem.Pupils.Length <= 300);
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

// A child process per cell gives each solve its own peak memory figure. The shared options are passed on.
void RunChild(IEnumerable<string> childArgs, Action<string> onLine)
{
    var self = Environment.ProcessPath ?? "dotnet";
    var dll = typeof(BenchmarkRow).Assembly.Location;
    var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
    // README "Memory": CP-SAT's threads each get a glibc malloc arena that keeps what it frees; two arenas took the
    // region's peak from 1.27–1.36 GB to 1.0 GB. Set here because it must be in place before the process starts.
    start.Environment.TryAdd("MALLOC_ARENA_MAX", "2");
    if (Path.GetFileNameWithoutExtension(self) == "dotnet")
    {
        start.ArgumentList.Add(dll);
    }

    foreach (var arg in childArgs)
    {
        start.ArgumentList.Add(arg);
    }

    foreach (var name in new[] { "--seconds", "--seed", "--gap", "--workers", "--cpsat", "--lns-share", "--seats-per-pupil", "--sigma", "--decay-km", "--staff-factor", "--rank-costs" })
    {
        if (OptionTextOrNull(name) is { } value)
        {
            start.ArgumentList.Add(name);
            start.ArgumentList.Add(value);
        }
    }

    if (args.Contains("--rank-maximal"))
    {
        start.ArgumentList.Add("--rank-maximal");
    }

    using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the benchmark child process.");
    // Native solvers print banners on stdout ("Running HiGHS …"): keep them out of the Markdown.
    string? line;
    while ((line = child.StandardOutput.ReadLine()) is not null)
    {
        if (!line.StartsWith("Running HiGHS", StringComparison.Ordinal))
        {
            onLine(line);
        }
    }

    child.WaitForExit();
    if (child.ExitCode != 0)
    {
        Console.Error.WriteLine($"child {string.Join(' ', childArgs)} exited with {child.ExitCode}");
    }
}

void WriteJson(IEnumerable<BenchmarkRow> rows)
{
    if (OptionTextOrNull("--json") is { } path)
    {
        JsonLines.Write(path, rows);
        Console.Error.WriteLine($"JSON lines written to {path}");
    }
}

double Option(string name, double fallback) =>
    OptionTextOrNull(name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

string OptionText(string name, string fallback) => OptionTextOrNull(name) ?? fallback;

string? OptionTextOrNull(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

// The 1-minute load average at start (Linux): on a shared machine it says how much the seconds are worth.
static string LoadAverage() => File.Exists("/proc/loadavg")
    ? $" (load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at start)"
    : "";

static string FindRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sto.Scheduler.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? Directory.GetCurrentDirectory();
}
