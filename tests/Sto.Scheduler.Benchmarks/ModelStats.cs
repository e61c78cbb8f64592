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
        Console.WriteLine($"flow bound unplaced {problem.Pupils.Length - FlowBound.Compute(model).MaxPlaced}");
        Console.WriteLine($"pairs {model.Pairs.Count}, options {model.Options.Sum(o => o?.Count ?? 0)}, dead offers {model.DeadOffers.Count}");
        Console.WriteLine($"staff {model.Staff.Length}, staff types {model.StaffTypes.Count}, week classes {model.WeekClasses.Count} ({string.Join(' ', model.WeekClasses.Select(c => c.Weeks.Count))})");
        Console.WriteLine($"staff slots {model.StaffSlots.Count}, bus slots {model.BusSlots.Count}, variables {model.Model.Model.Variables.Count}, constraints {model.Model.Model.Constraints.Count}");
        foreach (var dead in model.DeadOffers.GroupBy(d => d.Value.Split(':')[0]))
        {
            Console.WriteLine($"  dead because {dead.Key}: {dead.Count()}");
        }
    }
}
