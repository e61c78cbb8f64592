using System.Diagnostics;
using Sto.Scheduler.Engine.Baselines;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;
using Sto.Scheduler.Engine.Modeling;
using Sto.Scheduler.Engine.Solving;

namespace Sto.Scheduler.Benchmarks;

/// <summary>Prints what the CP-SAT model of an instance is made of (for profiling the formulation).</summary>
internal static class ModelStats
{
    public static void Print(SchedulingProblem problem, int seed)
    {
        var fcfs = GreedyAllocator.Allocate(problem, ArrivalOrders.FirstComeFirstServed(problem, seed));
        Console.WriteLine($"seats {problem.Offers.Sum(o => o.TotalSeats)}, FCFS unplaced {fcfs.Unplaced.Length}");
        var clock = Stopwatch.StartNew();
        var model = AllocationModelBuilder.Build(problem, ProblemIndex.Build(problem));
        Console.WriteLine($"build {clock.Elapsed.TotalSeconds:F2} s; managed heap {GC.GetTotalMemory(forceFullCollection: true) / (1024 * 1024)} MB, working set {Environment.WorkingSet / (1024 * 1024)} MB");
        var flow = FlowBound.Compute(model);
        Console.WriteLine($"flow bound unplaced {problem.Pupils.Length - flow.MaxPlaced}");
        clock.Restart();
        var hint = HintBuilder.FromGreedy(model, flow.OfferOfPupil);
        Console.WriteLine($"hint unplaced {hint.Unplaced}, rank cost {hint.RankCost}, {clock.Elapsed.TotalSeconds:F2} s");
        PrintWhatLeftOutPupilsWanted(problem, GreedyAllocator.AllocateAndAugment(problem, ArrivalOrders.ByLottery(problem)));
        PrintChoices(problem, model, flow.OfferOfPupil);
        Console.WriteLine($"pairs {model.Pairs.Count}, options {model.Options.Sum(o => o?.Count ?? 0)}, dead offers {model.DeadOffers.Count}");
        Console.WriteLine($"staff {model.Staff.Length}, staff types {model.StaffTypes.Count}, week classes {model.WeekClasses.Count} ({string.Join(' ', model.WeekClasses.Select(c => c.Weeks.Count))})");
        Console.WriteLine($"staff slots {model.StaffSlots.Count}, bus slots {model.BusSlots.Count}, variables {model.Model.Model.Variables.Count}, constraints {model.Model.Model.Constraints.Count}");
        PrintComponents(model);
        foreach (var dead in model.DeadOffers.GroupBy(d => d.Value.Split(':')[0]))
        {
            Console.WriteLine($"  dead because {dead.Key}: {dead.Count()}");
        }
    }

    /// <summary>
    /// Whether the model falls apart into independent parts (offers linked by a pupil who chose both, or by a staff
    /// type that could work for both in the same weeks): each part could be solved on its own.
    /// </summary>
    private static void PrintComponents(AllocationModel model)
    {
        var sets = new DisjointSets(model.Offers.Length);
        foreach (var pairs in model.PairsByPupil)
        {
            for (var i = 1; i < pairs.Count; i++)
            {
                sets.Union(model.Pairs[pairs[0]].Offer, model.Pairs[pairs[i]].Offer);
            }
        }

        Console.WriteLine($"independent parts, offers linked by pupils: {Sizes()}");
        foreach (var slots in model.StaffSlots.GroupBy(s => (s.Type, s.WeekClass)))
        {
            var offers = slots.Select(s => s.Offer).ToList();
            for (var i = 1; i < offers.Count; i++)
            {
                sets.Union(offers[0], offers[i]);
            }
        }

        Console.WriteLine($"independent parts, offers linked by pupils and staff: {Sizes()}");

        string Sizes()
        {
            var sizes = Enumerable.Range(0, model.Offers.Length).Where(o => model.Options[o] is not null)
                .GroupBy(sets.Find).Select(part => part.Count()).OrderDescending().ToList();
            return $"{sizes.Count} ({string.Join(' ', sizes.Take(20))} offers)";
        }

    }

    /// <summary>Why a greedy plan leaves pupils out: are the offers they chose closed, full, or full below their parallel-group limit (staff)?</summary>
    private static void PrintWhatLeftOutPupilsWanted(SchedulingProblem problem, Allocation plan)
    {
        var leftOut = plan.Unplaced.Select(u => u.Pupil).ToHashSet();
        var wanted = problem.Pupils.Where(p => leftOut.Contains(p.Id)).SelectMany(p => p.Choices).Select(c => c.Offer).ToHashSet();
        var running = plan.Groups.GroupBy(g => g.Offer).ToDictionary(g => g.Key, g => (Groups: g.Count(), Pupils: g.Sum(x => x.Pupils.Length)));
        var verdicts = problem.Offers.Where(o => wanted.Contains(o.Id)).GroupBy(offer =>
        {
            var (groups, pupils) = running.GetValueOrDefault(offer.Id);
            return groups == 0 ? "not running"
                : pupils < groups * offer.MaxGroupSize ? "running with room"
                : groups < offer.MaxParallelGroups ? "full with a group more allowed"
                : "running full";
        });
        Console.WriteLine("offers wanted by unplaced: " + string.Join(", ", verdicts.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key} {v.Count()}")));
        var busy = plan.Groups.SelectMany(g => g.Staffing.SelectMany(w => w.Staff.Select(s => (s, w.Week)))).Distinct().Count();
        var available = problem.Staff.Sum(s => problem.Weeks.Count(s.IsAvailableIn));
        Console.WriteLine($"staff-weeks busy {busy} of {available} available");
    }

    /// <summary>How many feasible choices pupils have, and whether any of them are alike (could be aggregated).</summary>
    private static void PrintChoices(SchedulingProblem problem, AllocationModel model, IReadOnlyDictionary<int, int> flowOffers)
    {
        var pairsByPupil = model.Pairs.GroupBy(p => p.Pupil).ToDictionary(g => g.Key, g => g.OrderBy(p => p.Rank).ToList());
        var types = pairsByPupil.Select(g => $"{problem.Pupils[g.Key].School}|" + string.Join(',', g.Value.Select(p => $"{p.Offer}:{p.Rank}"))).Distinct().Count();
        Console.WriteLine($"distinct pupil types (school + ranked feasible offers): {types}");
        string ByChoiceCount(IEnumerable<int> pupils) => string.Join(", ", pupils
            .GroupBy(p => pairsByPupil.TryGetValue(p, out var pairs) ? pairs.Count : 0).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"));
        var everyone = Enumerable.Range(0, problem.Pupils.Length).ToList();
        Console.WriteLine("pupils by feasible choices: " + ByChoiceCount(everyone));
        Console.WriteLine("flow-unplaced by feasible choices: " + ByChoiceCount(everyone.Where(p => !flowOffers.ContainsKey(p))));
    }
}
