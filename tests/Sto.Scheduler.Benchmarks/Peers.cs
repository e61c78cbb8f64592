using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Google.OrTools.LinearSolver;
using Google.OrTools.Sat;
using Sto.Scheduler.Engine.Decoding;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;
using Sto.Scheduler.Engine.Modeling;
using Sto.Scheduler.Engine.Solving;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Benchmarks;

/// <summary>One solver (or bound) on the first tier of one instance.</summary>
internal sealed record PeerResult(
    string Peer,
    string Threads,
    string Status,
    double? Objective,
    double? Bound,
    double Seconds,
    double? SecondsToTarget,
    int? Unplaced,
    string Valid)
{
    public double? Gap => Objective is { } o && Bound is { } b ? Math.Max(0, o - b) / Math.Max(1, Math.Abs(o)) : null;
}

/// <summary>
/// ISSUE 5 peers: the engine's first tier ("placement+preference") against MIP solvers on the same model
/// (MPSolver CBC / HiGHS / SCIP via <see cref="CpModelToMip"/>, Debian cbc on the exported MPS), with the LP relaxation
/// (GLOP) and the min-cost-flow optimum as bounds. Every solution is checked against every row of the CP-SAT model and,
/// decoded into an allocation, by the independent <see cref="AllocationChecker"/>.
/// </summary>
internal sealed partial class Peers(SchedulingProblem problem, double seconds, double target, TextWriter log)
{
    private AllocationModel _model = null!;
    private CpModelProto _snapshot = null!;

    /// <summary>
    /// When set, the first tier is also written here as fixed MPS (columns v0…, rows c0… in model order) with a
    /// "PATH.names" file mapping each column to its CP-SAT variable name, for experiments with a standalone solver
    /// (README "Known gaps": CBC with row families dropped or integrality relaxed).
    /// </summary>
    public string? MpsPath { get; init; }

    public static string Header =>
        "| peer | threads | status | objective | bound | gap % | s to ≤ target | ours / theirs (time) | unplaced | objective / LP bound | objective / flow bound | valid |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|---|";

    public List<PeerResult> Run(bool scip, bool fidelity)
    {
        var clock = Stopwatch.StartNew();
        var (model, snapshot) = BuildFirstTier();
        _model = model;
        _snapshot = snapshot;
        log.WriteLine(Invariant($"  model: {snapshot.Variables.Count} variables, {snapshot.Constraints.Count} constraints, built in {clock.Elapsed.TotalSeconds:F2} s"));

        var results = new List<PeerResult> { RunCpSat(model, target, seconds) };

        // Translate once up front to report what the model is made of (and fail loudly on anything unknown).
        using (var probe = CpModelToMip.Build(snapshot, "CBC"))
        {
            log.WriteLine(Invariant($"  MIP: {probe.Variables.Length} columns, {probe.Rows} rows; CP-SAT constraints: {string.Join(", ", probe.Counts.Select(c => $"{c.Key} {c.Value}"))}"));
            if (MpsPath is not null)
            {
                File.WriteAllText(MpsPath, probe.Solver.ExportModelAsMpsFormat(true, false));
                File.WriteAllLines(MpsPath + ".names", snapshot.Variables.Select((v, i) => Invariant($"v{i} {v.Name}")));
                log.WriteLine($"  first tier written to {MpsPath} (+ .names)");
            }
        }

        results.Add(RunMip("CBC", "MPSolver CBC 2.10.12", target, seconds));
        results.Add(RunMip("HIGHS", "MPSolver HiGHS 1.12", target, seconds));
        if (scip)
        {
            results.Add(RunMip("SCIP", "MPSolver SCIP 10", target, seconds));
        }

        results.Add(RunDebianCbc(target, seconds));
        results.Add(RunLp());
        results.Add(RunFlow());

        if (fidelity)
        {
            Fidelity(seconds);
        }

        return results;
    }

    /// <summary>
    /// Only the MPSolver backends on the engine's first tier (for the bench table's same-run ratios), each with its
    /// plan decoded into an allocation when it found one.
    /// </summary>
    public List<(PeerResult Result, Allocation? Allocation)> RunMipPeers(IEnumerable<string> ids)
    {
        var (model, snapshot) = BuildFirstTier();
        _model = model;
        _snapshot = snapshot;
        var results = new List<(PeerResult, Allocation?)>();
        foreach (var id in ids)
        {
            var upper = id.ToUpperInvariant();
            var label = upper switch
            {
                "CBC" => "MPSolver CBC 2.10.12",
                "HIGHS" => "MPSolver HiGHS 1.12",
                "SCIP" => "MPSolver SCIP 10",
                _ => throw new ArgumentException($"Unknown peer '{id}'. Use cbc, highs or scip."),
            };
            _lastSolution = null;
            var result = RunMip(upper, label, target, seconds);
            Allocation? allocation = null;
            if (_lastSolution is { } values && result.Valid == "VALID")
            {
                allocation = SolutionDecoder.Decode(_model, values);
            }

            results.Add((result, allocation));
        }

        return results;
    }

    private long[]? _lastSolution;

    /// <summary>Markdown rows; ratios against the CP-SAT row (first) and the two bounds.</summary>
    public static IEnumerable<string> Rows(List<PeerResult> results, double seconds)
    {
        var ours = results[0];
        var lp = results.FirstOrDefault(r => r.Peer.StartsWith("LP", StringComparison.Ordinal))?.Bound;
        var flow = results.FirstOrDefault(r => r.Peer.StartsWith("flow", StringComparison.Ordinal))?.Bound;
        foreach (var r in results)
        {
            var ratio = r == ours || r.Objective is null ? "-" : TimeRatio(ours.SecondsToTarget, r.SecondsToTarget, seconds);
            yield return Invariant(
                $"| {r.Peer} | {r.Threads} | {r.Status} | {Number(r.Objective)} | {Number(r.Bound)} | {(r.Gap is { } g ? (g * 100).ToString("F2", CultureInfo.InvariantCulture) : "-")} | {(r.SecondsToTarget is { } s ? s.ToString("F2", CultureInfo.InvariantCulture) : r.Objective is null && r.Bound is not null ? r.Seconds.ToString("F2", CultureInfo.InvariantCulture) + " (bound)" : "not reached")} | {ratio} | {(r.Unplaced?.ToString(CultureInfo.InvariantCulture) ?? "-")} | {Ratio(r.Objective, lp)} | {Ratio(r.Objective, flow)} | {r.Valid} |");
        }
    }

    private static string TimeRatio(double? ours, double? theirs, double limit) => (ours, theirs) switch
    {
        ({ } o, { } t) => (o / Math.Max(1e-3, t)).ToString("F2", CultureInfo.InvariantCulture),
        ({ } o, null) => "< " + (o / limit).ToString("F2", CultureInfo.InvariantCulture),
        (null, { } t) => "> " + (limit / Math.Max(1e-3, t)).ToString("F2", CultureInfo.InvariantCulture),
        _ => "- (neither)",
    };

    private static string Ratio(double? value, double? bound) =>
        value is { } v && bound is { } b && b > 0 ? (v / b).ToString("F4", CultureInfo.InvariantCulture) : "-";

    private static string Number(double? value) => value is { } v
        ? Math.Abs(v - Math.Round(v)) < 1e-6 ? v.ToString("F0", CultureInfo.InvariantCulture) : v.ToString("F2", CultureInfo.InvariantCulture)
        : "-";

    private (AllocationModel Model, CpModelProto Snapshot) BuildFirstTier()
    {
        var issues = ProblemValidator.Validate(problem);
        if (!issues.IsEmpty)
        {
            throw new InvalidOperationException($"Invalid instance: {issues[0]}");
        }

        var model = AllocationModelBuilder.Build(problem, ProblemIndex.Build(problem));
        var (name, expression) = model.Tiers[0];
        log.WriteLine($"  first tier: {name}");
        model.Model.Minimize(expression);
        return (model, model.Model.Model.Clone());
    }

    /// <summary>The engine as shipped (greedy/flow hint, LexicographicSearch with its parameters), first tier only.</summary>
    private PeerResult RunCpSat(AllocationModel model, double gapTarget, double limit)
    {
        var settings = SolverSettings.Default with { TimeLimit = TimeSpan.FromSeconds(limit), RelativeGapLimit = gapTarget };
        var clock = Stopwatch.StartNew();
        var (_, _, flowOffers) = FlowBound.Compute(model);
        var hint = HintBuilder.FromGreedy(model, flowOffers);
        var hintSeconds = clock.Elapsed.TotalSeconds;
        var firstTier = FirstTierOnly(model);
        var last = new LastProgress();
        var search = new LexicographicSearch(firstTier, settings, last);
        var (solution, tiers) = search.Run(hint.Values, clock, CancellationToken.None);
        var elapsed = clock.Elapsed.TotalSeconds;
        var tier = tiers.FirstOrDefault();
        log.WriteLine(Invariant($"  CP-SAT: hint {hintSeconds:F2} s (unplaced {hint.Unplaced}), first plan at {search.FirstSolutionAt?.TotalSeconds:F2} s, tier {tier?.Objective} bound {tier?.BestBound} in {tier?.Elapsed.TotalSeconds:F2} s"));
        if (tier is null || tier.Gap >= 1)
        {
            return new PeerResult("CP-SAT engine (first tier)", settings.Workers.ToString(CultureInfo.InvariantCulture), "no solution", null, null, elapsed, null, null, "-");
        }

        var reached = tier.IsProvenOptimal || tier.Gap <= gapTarget + 1e-12;
        var valid = Validate(solution, tier.Objective);

        // CP-SAT answers OPTIMAL once relative_gap_limit is met, and the engine then records bound = objective. With a
        // target > 0 that is no proof: report the bound the gap limit guarantees (or the last reported one if higher).
        var bound = (double)tier.BestBound;
        var status = tier.IsProvenOptimal ? "Optimal" : reached ? "gap reached" : "Feasible";
        if (tier.IsProvenOptimal && gapTarget > 0)
        {
            var guaranteed = Math.Ceiling(tier.Objective - (gapTarget * Math.Max(1, Math.Abs(tier.Objective))) - 1e-9);
            bound = Math.Max(guaranteed, last.Value?.BestBound ?? double.NegativeInfinity);
            status = "gap reached (engine: Optimal)";
        }

        return new PeerResult(
            "CP-SAT engine (first tier)", Invariant($"{settings.Workers} (max_lp)"), status,
            tier.Objective, Math.Min(bound, tier.Objective), elapsed, reached && valid == "VALID" ? elapsed : null, Unplaced(solution), valid);
    }

    /// <summary>Keeps the last progress report (synchronously, unlike <see cref="Progress{T}"/>).</summary>
    private sealed class LastProgress : IProgress<SolveProgress>
    {
        public SolveProgress? Value { get; private set; }

        public void Report(SolveProgress value) => Value = value;
    }

    private static AllocationModel FirstTierOnly(AllocationModel model) => new()
    {
        Model = model.Model,
        Index = model.Index,
        Pupils = model.Pupils,
        Offers = model.Offers,
        Staff = model.Staff,
        Pairs = model.Pairs,
        PairsByPupil = model.PairsByPupil,
        PairsByOffer = model.PairsByOffer,
        Options = model.Options,
        OptionVars = model.OptionVars,
        WeekClasses = model.WeekClasses,
        StaffSlots = model.StaffSlots,
        StaffTypes = model.StaffTypes,
        BusSlots = model.BusSlots,
        Tiers = [model.Tiers[0]],
        DeadOffers = model.DeadOffers,
        Baseline = model.Baseline,
        ForcedMoves = model.ForcedMoves,
    };

    private PeerResult RunMip(string id, string label, double gapTarget, double limit)
    {
        using var mip = CpModelToMip.Build(_snapshot, id);
        using var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, gapTarget);
        mip.Solver.SetTimeLimit((long)(limit * 1000));
        var clock = Stopwatch.StartNew();
        var status = mip.Solver.Solve(parameters);
        var elapsed = clock.Elapsed.TotalSeconds;
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
        {
            log.WriteLine(Invariant($"  {label}: {status} after {elapsed:F2} s"));
            return new PeerResult(label, "default", Invariant($"no solution (status {status})"), null, null, elapsed, null, null, "-");
        }

        var solution = mip.Solution();
        _lastSolution = [.. solution];
        var objective = Math.Round(mip.Solver.Objective().Value());
        var bound = Math.Ceiling(mip.Solver.Objective().BestBound() - 1e-6);
        var gap = Math.Max(0, objective - bound) / Math.Max(1, Math.Abs(objective));
        var valid = Validate(solution, objective);
        var reached = gap <= gapTarget + 1e-12 && valid == "VALID";
        log.WriteLine(Invariant($"  {label}: {status}, objective {objective}, bound {mip.Solver.Objective().BestBound():F3}, {mip.Solver.Nodes()} nodes, {mip.Solver.Iterations()} LP iterations, {elapsed:F2} s"));
        return new PeerResult(label, "default", status == Solver.ResultStatus.OPTIMAL ? (reached ? "gap reached" : "Optimal (unproven gap)") : "Feasible",
            objective, Math.Min(bound, objective), elapsed, reached ? elapsed : null, Unplaced(solution), valid);
    }

    private PeerResult RunLp()
    {
        using var lp = CpModelToMip.Build(_snapshot, "GLOP", relax: true);
        var clock = Stopwatch.StartNew();
        var status = lp.Solver.Solve();
        var elapsed = clock.Elapsed.TotalSeconds;
        log.WriteLine(Invariant($"  GLOP LP relaxation: {status}, {lp.Solver.Objective().Value():F3}, {elapsed:F2} s"));
        return status == Solver.ResultStatus.OPTIMAL
            ? new PeerResult("LP relaxation (GLOP)", "1", "Optimal", null, lp.Solver.Objective().Value(), elapsed, null, null, "-")
            : new PeerResult("LP relaxation (GLOP)", "1", status.ToString(), null, null, elapsed, null, null, "-");
    }

    /// <summary>The min-cost-flow optimum in first-tier units: unplaced × the tier's unplaced cost + the flow's rank cost.</summary>
    private PeerResult RunFlow()
    {
        var clock = Stopwatch.StartNew();
        var (maxPlaced, rankCost, _) = FlowBound.Compute(_model);
        var elapsed = clock.Elapsed.TotalSeconds;
        var rules = problem.Rules;
        if (rules.MaxPlacementsPerPupil > 1 || rules.Objective.Mode != ObjectiveMode.Lexicographic)
        {
            return new PeerResult("flow bound (MinCostFlow)", "1", "n/a for this objective", null, null, elapsed, null, null, "-");
        }

        var objective = rules.Objective;
        var maxRankCost = Enumerable.Range(1, Math.Max(1, objective.RankCosts.IsDefaultOrEmpty ? 6 : objective.RankCosts.Length)).Max(objective.RankCost);
        var unplacedCost = ((long)maxRankCost * problem.Pupils.Length) + 1;
        var bound = ((problem.Pupils.Length - maxPlaced) * unplacedCost) + rankCost;
        return new PeerResult("flow bound (MinCostFlow)", "1", "Optimal", null, bound, elapsed, null, problem.Pupils.Length - maxPlaced, "-");
    }

    /// <summary>Debian's cbc on the fixed-format MPS export of the same MIP (skipped when cbc is not on PATH).</summary>
    private PeerResult RunDebianCbc(double gapTarget, double limit)
    {
        var cbc = FindOnPath("cbc");
        if (cbc is null)
        {
            log.WriteLine("  Debian cbc: not on PATH (apt-get install -y coinor-cbc), skipped");
            return new PeerResult("Debian cbc (MPS)", "1", "skipped: cbc not on PATH", null, null, 0, null, null, "-");
        }

        var directory = Directory.CreateTempSubdirectory("sto-peers-");
        try
        {
            var mps = Path.Combine(directory.FullName, "model.mps");
            var solutionFile = Path.Combine(directory.FullName, "solution.txt");
            using (var mip = CpModelToMip.Build(_snapshot, "CBC"))
            {
                File.WriteAllText(mps, mip.Solver.ExportModelAsMpsFormat(true, false));
            }

            var start = new ProcessStartInfo(cbc) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { mps, "-ratioGap", gapTarget.ToString(CultureInfo.InvariantCulture), "-seconds", limit.ToString(CultureInfo.InvariantCulture), "-solve", "-solution", solutionFile })
            {
                start.ArgumentList.Add(arg);
            }

            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start cbc.");
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var elapsed = clock.Elapsed.TotalSeconds;
            _ = error.Result;
            var result = ResultLine().Match(output) is { Success: true } m ? m.Groups[1].Value.Trim() : "unknown";
            log.WriteLine("  Debian cbc output (tail): " + string.Join(" | ", output.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(12).Select(l => l.Trim())));
            var header = File.Exists(solutionFile) ? File.ReadLines(solutionFile).FirstOrDefault() ?? "" : "";
            if (header.Contains("no integer solution", StringComparison.OrdinalIgnoreCase) || header.Contains("infeasible", StringComparison.OrdinalIgnoreCase))
            {
                // On a time limit without an integer solution cbc writes the LP values: not a plan.
                log.WriteLine($"  Debian cbc: {result}; solution file: {header}");
                return new PeerResult("Debian cbc (MPS)", "1", "no integer solution", null, null, elapsed, null, null, "-");
            }

            if (!File.Exists(solutionFile) || result.Contains("infeasible", StringComparison.OrdinalIgnoreCase))
            {
                log.WriteLine($"  Debian cbc: {result}, no solution file");
                return new PeerResult("Debian cbc (MPS)", "1", result, null, null, elapsed, null, null, "-");
            }

            var values = ReadCbcSolution(solutionFile, _snapshot.Variables.Count);
            var reported = Parse(ObjectiveLine().Match(output));
            var lower = Parse(LowerBoundLine().Match(output));
            // The MPS file may drop the objective's constant: shift cbc's figures by the difference to the true value.
            var objective = CpModelChecker.Objective(_snapshot, values);
            var shift = reported is { } r ? objective - r : 0;
            double? bound = lower is { } l ? Math.Min(objective, Math.Ceiling(l + shift - 1e-6)) : result.StartsWith("Optimal", StringComparison.Ordinal) ? objective : null;
            var gap = bound is { } b ? Math.Max(0, objective - b) / Math.Max(1, Math.Abs(objective)) : 1;
            var reached = gap <= gapTarget + 1e-12;
            log.WriteLine(Invariant($"  Debian cbc: {result}, objective {objective} (cbc {reported}, shift {shift}), bound {bound}, {elapsed:F2} s incl. reading the MPS"));
            var valid = Validate(values, objective);
            reached &= valid == "VALID";
            return new PeerResult("Debian cbc (MPS)", "1", reached ? "gap reached" : result, objective, bound, elapsed, reached ? elapsed : null, Unplaced(values), valid);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static double? Parse(Match match) =>
        match.Success && double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>cbc's -solution file: a status line, then "index name value reduced-cost" for each non-zero column.</summary>
    private static long[] ReadCbcSolution(string path, int count)
    {
        var values = new long[count];
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var parts = line.Replace("**", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 3 && parts[1].StartsWith('v') && int.TryParse(parts[1].AsSpan(1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
            {
                values[index] = (long)Math.Round(double.Parse(parts[2], CultureInfo.InvariantCulture));
            }
        }

        return values;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    /// <summary>Fidelity: the MIP optimum of the first tier must equal CP-SAT's proven optimum (gap 0 on both sides).</summary>
    private void Fidelity(double limit)
    {
        var (model, _) = BuildFirstTier();
        var cp = RunCpSat(model, 0, limit);
        var mip = RunMip("CBC", "MPSolver CBC", 0, limit);
        var highs = RunMip("HIGHS", "MPSolver HiGHS", 0, limit);
        var proven = cp.Status == "Optimal" && cp.Bound == cp.Objective;
        var equal = proven && mip.Objective == cp.Objective && mip.Bound == mip.Objective && highs.Objective == cp.Objective && highs.Bound == highs.Objective;
        log.WriteLine(Invariant($"  fidelity (gap 0): CP-SAT {cp.Objective} [{cp.Status}, bound {cp.Bound}], CBC {mip.Objective} [bound {mip.Bound}], HiGHS {highs.Objective} [bound {highs.Bound}] -> {(equal ? "EQUAL" : "NOT EQUAL / NOT PROVEN")}"));
        FidelityLine = Invariant($"Fidelity (gap 0, {limit} s): CP-SAT proven optimum {Number(cp.Objective)} ({cp.Status}, {cp.Valid}); MIP optimum CBC {Number(mip.Objective)} (bound {Number(mip.Bound)}, {mip.Valid}), HiGHS {Number(highs.Objective)} (bound {Number(highs.Bound)}, {highs.Valid}) → **{(equal ? "equal" : "NOT equal or not proven")}**");
    }

    public string? FidelityLine { get; private set; }

    private int Unplaced(IReadOnlyList<long> values)
    {
        var placed = new HashSet<int>();
        foreach (var pair in _model.Pairs)
        {
            if (values[pair.Place.GetIndex()] == 1)
            {
                placed.Add(pair.Pupil);
            }
        }

        return _model.Pupils.Length - placed.Count;
    }

    /// <summary>VALID when the values satisfy every CP-SAT row, give the claimed objective and decode into an allocation the checker accepts.</summary>
    private string Validate(IReadOnlyList<long> values, double claimed)
    {
        var rows = CpModelChecker.Violations(_snapshot, values);
        if (rows.Count > 0)
        {
            log.WriteLine($"    INVALID rows: {string.Join("; ", rows)}");
            return "INVALID (rows)";
        }

        var objective = CpModelChecker.Objective(_snapshot, values);
        if (Math.Abs(objective - claimed) > 0.5)
        {
            log.WriteLine(Invariant($"    INVALID objective: evaluated {objective}, claimed {claimed}"));
            return "INVALID (objective)";
        }

        try
        {
            var violations = AllocationChecker.Check(problem, SolutionDecoder.Decode(_model, values));
            if (!violations.IsEmpty)
            {
                log.WriteLine($"    INVALID allocation: {violations.Length} violations, first {violations[0]}");
                return "INVALID (checker)";
            }
        }
        catch (InvalidOperationException exception)
        {
            log.WriteLine($"    INVALID decode: {exception.Message}");
            return "INVALID (decode)";
        }

        return "VALID";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Result - (.*)$", RegexOptions.Multiline)]
    private static partial Regex ResultLine();

    [GeneratedRegex(@"^Objective value:\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex ObjectiveLine();

    [GeneratedRegex(@"^Lower bound:\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex LowerBoundLine();
}
