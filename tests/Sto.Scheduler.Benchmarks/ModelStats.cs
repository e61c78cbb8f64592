using System.Diagnostics;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;
using Sto.Scheduler.Engine.Modeling;

namespace Sto.Scheduler.Benchmarks;

/// <summary>Prints what the CP-SAT model of an instance is made of (for profiling the formulation).</summary>
internal static class ModelStats
{
    public static void Print(SchedulingProblem problem, int seed)
    {
        var fcfs = Sto.Scheduler.Engine.Baselines.GreedyAllocator.Allocate(problem, Sto.Scheduler.Engine.Baselines.ArrivalOrders.FirstComeFirstServed(problem, seed));
        Console.WriteLine($"seats {problem.Offers.Sum(o => o.TotalSeats)}, FCFS unplaced {fcfs.Unplaced.Length}");
        var clock = Stopwatch.StartNew();
        var model = AllocationModelBuilder.Build(problem, ProblemIndex.Build(problem));
        Console.WriteLine($"build {clock.Elapsed.TotalSeconds:F2} s");
        var flow = FlowBound.Compute(model);
        Console.WriteLine($"flow bound unplaced {problem.Pupils.Length - flow.MaxPlaced}");
        var hintClock = Stopwatch.StartNew();
        var hint = Sto.Scheduler.Engine.Solving.HintBuilder.FromGreedy(model, flow.OfferOfPupil);
        Console.WriteLine($"hint unplaced {hint.Unplaced}, rank cost {hint.RankCost}, {hintClock.Elapsed.TotalSeconds:F2} s");
        var plan = Sto.Scheduler.Engine.Baselines.GreedyAllocator.AllocateAndAugment(problem, Sto.Scheduler.Engine.Baselines.ArrivalOrders.ByLottery(problem));
        var unplacedIds = plan.Unplaced.Select(u => u.Pupil).ToHashSet();
        var wanted = problem.Pupils.Where(p => unplacedIds.Contains(p.Id)).SelectMany(p => p.Choices).GroupBy(c => c.Offer).ToDictionary(g => g.Key, g => g.Count());
        var running = plan.Groups.GroupBy(g => g.Offer).ToDictionary(g => g.Key, g => (Groups: g.Count(), Pupils: g.Sum(x => x.Pupils.Length)));
        int atMaxNot = 0, closedWanted = 0, fullWanted = 0, roomWanted = 0;
        foreach (var offer in problem.Offers)
        {
            var want = wanted.GetValueOrDefault(offer.Id);
            var (groups, pupils) = running.GetValueOrDefault(offer.Id);
            if (want == 0) continue;
            if (groups == 0) closedWanted++;
            else if (pupils >= groups * offer.MaxGroupSize && groups >= offer.MaxParallelGroups) fullWanted++;
            else if (pupils >= groups * offer.MaxGroupSize) { atMaxNot++; Console.WriteLine($"   full but {groups}/{offer.MaxParallelGroups} groups: {offer.Id} wanted by {want}"); }
            else roomWanted++;
        }
        Console.WriteLine($"offers wanted by unplaced: not running {closedWanted}, running full {fullWanted}, full with a group more allowed {atMaxNot}, running with room {roomWanted}");
        var weeks = problem.Weeks;
        var busy = plan.Groups.SelectMany(g => g.Staffing.SelectMany(w => w.Staff.Select(s => (s, w.Week)))).Distinct().Count();
        var available = problem.Staff.Sum(s => weeks.Count(w => s.IsAvailableIn(w)));
        Console.WriteLine($"staff-weeks busy {busy} of {available} available");
        var types = model.Pairs.GroupBy(p => p.Pupil).Select(g => $"{problem.Pupils[g.Key].School}|" + string.Join(',', g.OrderBy(p => p.Rank).Select(p => $"{p.Offer}:{p.Rank}"))).Distinct().Count();
        Console.WriteLine($"distinct pupil types (school + ranked feasible offers): {types}");
        var pairsPerPupil = model.Pairs.GroupBy(p => p.Pupil).ToDictionary(g => g.Key, g => g.Count());
        Console.WriteLine("pupils by feasible choices: " + string.Join(", ", Enumerable.Range(0, problem.Pupils.Length)
            .GroupBy(p => pairsPerPupil.GetValueOrDefault(p)).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        Console.WriteLine("flow-unplaced by feasible choices: " + string.Join(", ", Enumerable.Range(0, problem.Pupils.Length)
            .Where(p => !flow.OfferOfPupil.ContainsKey(p))
            .GroupBy(p => pairsPerPupil.GetValueOrDefault(p)).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        Console.WriteLine($"pairs {model.Pairs.Count}, options {model.Options.Sum(o => o?.Count ?? 0)}, dead offers {model.DeadOffers.Count}");
        Console.WriteLine($"staff {model.Staff.Length}, staff types {model.StaffTypes.Count}, week classes {model.WeekClasses.Count} ({string.Join(' ', model.WeekClasses.Select(c => c.Weeks.Count))})");
        Console.WriteLine($"staff slots {model.StaffSlots.Count}, bus slots {model.BusSlots.Count}, variables {model.Model.Model.Variables.Count}, constraints {model.Model.Model.Constraints.Count}");
        foreach (var dead in model.DeadOffers.GroupBy(d => d.Value.Split(':')[0]))
        {
            Console.WriteLine($"  dead because {dead.Key}: {dead.Count()}");
        }
    }
}
