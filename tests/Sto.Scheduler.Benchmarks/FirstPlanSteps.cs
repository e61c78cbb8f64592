using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sto.Scheduler.Engine.Baselines;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;
using Sto.Scheduler.Engine.Modeling;
using Sto.Scheduler.Engine.Solving;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Benchmarks;

/// <summary>
/// G6 "first plan in ≤ 1 s": times each step before CP-SAT (median of the runs) and prints a hash of the built
/// model, so a speed change can be checked to leave the model byte-identical.
/// </summary>
internal static class FirstPlanSteps
{
    public static void Print(SchedulingProblem problem, int runs)
    {
        var steps = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        string? hash = null;
        string? hintHash = null;
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            var last = TimeSpan.Zero;
            void Step(string name)
            {
                var now = clock.Elapsed;
                (steps.TryGetValue(name, out var list) ? list : steps[name] = []).Add((now - last).TotalSeconds);
                last = now;
            }

            ProblemValidator.Validate(problem);
            Step("validate");
            var index = ProblemIndex.Build(problem);
            Step("index");
            var model = AllocationModelBuilder.Build(problem, index);
            Step("model build");
            var flow = FlowBound.Compute(model);
            Step("flow bound");
            var first = GreedyAllocator.Allocate(problem, ArrivalOrders.ByLottery(problem));
            Step("first greedy round");
            _ = first;
            var firstPlanAt = clock.Elapsed;
            var hint = HintBuilder.FromGreedy(model, flow.OfferOfPupil);
            Step("full hint (all rounds)");
            hintHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{hint.Unplaced} {hint.RankCost} {string.Join(',', hint.Values)}")))[..16];
            (steps.TryGetValue("first plan at (total)", out var total) ? total : steps["first plan at (total)"] = []).Add(firstPlanAt.TotalSeconds);
            // What a caller sees: the engine's first progress report (a greedy plan now, CP-SAT's first solution before).
            var firstReport = (TimeSpan?)null;
            AllocationSolver.Solve(problem, SolverSettings.Default with { TimeLimit = TimeSpan.FromSeconds(2) }, new FirstReport(e => firstReport ??= e));
            (steps.TryGetValue("solve: first progress report", out var reported) ? reported : steps["solve: first progress report"] = []).Add(firstReport?.TotalSeconds ?? double.NaN);
            var text = model.Model.Model.ToString();
            var now = hash;
            hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
            if (now is not null && now != hash)
            {
                Console.WriteLine("model hash differs between runs!");
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pupils {problem.Pupils.Length}, model sha256 {hash}, hint sha256 {hintHash}, median of {runs} runs"));
        foreach (var (name, values) in steps)
        {
            values.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-24} {values[values.Count / 2]:F3} s   (runs: {string.Join(' ', values.Select(v => v.ToString("F3", CultureInfo.InvariantCulture)))})"));
        }
    }

    private sealed class FirstReport(Action<TimeSpan> seen) : IProgress<SolveProgress>
    {
        public void Report(SolveProgress value) => seen(value.Elapsed);
    }
}
