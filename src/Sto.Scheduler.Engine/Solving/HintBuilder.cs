using System.Diagnostics;
using Sto.Scheduler.Engine.Baselines;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Modeling;

namespace Sto.Scheduler.Engine.Solving;

/// <summary>
/// Turns the greedy allocation (pupils in lottery order, every hard rule kept) into a complete CP-SAT hint:
/// assignment literals, the option each offer runs with, staff per week class and bus counts. CP-SAT then starts
/// from a valid plan instead of searching for the first one (PERFORMANCE §7 "bounds and hints first").
/// </summary>
internal static class HintBuilder
{
    /// <summary>
    /// The better of two greedy plans (fewest unplaced, then lowest rank cost): pupils in lottery order, and pupils
    /// in lottery order steered towards the offer the flow relaxation gave them (its choice moved to the front), which
    /// repairs the flow solution into a plan that keeps every hard rule.
    /// </summary>
    /// <param name="model">The model the hint is for.</param>
    /// <param name="flowOffers">The offer the flow relaxation gave each pupil it placed.</param>
    /// <param name="clock">The run's clock.</param>
    /// <param name="deadline">No new improvement round starts after this time on <paramref name="clock"/>; null = all rounds.</param>
    /// <param name="startingPlan">A plan to continue from (repaired first); the hint when it is at least as good.</param>
    /// <param name="firstRound">
    /// The first greedy round (<see cref="FirstRound"/>) when the caller already made it, e.g. while the model was
    /// being built; made here otherwise.
    /// </param>
    public static SolverHint FromGreedy(
        AllocationModel model,
        IReadOnlyDictionary<int, int> flowOffers,
        Stopwatch? clock = null,
        TimeSpan? deadline = null,
        Allocation? startingPlan = null,
        Allocation? firstRound = null)
    {
        if (model.Baseline is not null)
        {
            return FromBaseline(model);
        }

        var problem = model.Index.Problem;
        var order = ArrivalOrders.ByLottery(problem);
        var greedy = FromGreedyRounds(model, flowOffers, problem, order, clock, deadline, firstRound ?? FirstRound(problem));
        if (startingPlan is null)
        {
            return greedy;
        }

        var continued = FromAllocation(model, GreedyAllocator.Repair(problem, startingPlan, order));
        return (continued.Unplaced, continued.RankCost).CompareTo((greedy.Unplaced, greedy.RankCost)) <= 0 ? continued : greedy;
    }

    /// <summary>
    /// The first greedy round: pupils in lottery order, each taking their best choice with room. A complete plan that
    /// keeps every hard rule, made from the problem alone (no model), so it can be reported before the model exists.
    /// </summary>
    public static Allocation FirstRound(SchedulingProblem problem) => GreedyAllocator.Allocate(problem, ArrivalOrders.ByLottery(problem));

    private static SolverHint FromGreedyRounds(
        AllocationModel model,
        IReadOnlyDictionary<int, int> flowOffers,
        SchedulingProblem problem,
        IReadOnlyList<PupilId> order,
        Stopwatch? clock,
        TimeSpan? deadline,
        Allocation firstRound)
    {
        var best = FromAllocation(model, firstRound);
        if (flowOffers.Count == 0)
        {
            return best;
        }

        var steered = problem with
        {
            Pupils = [.. model.Pupils.Select((pupil, p) => flowOffers.TryGetValue(p, out var o) ? SteerTowards(pupil, model.Offers[o].Id) : pupil)],
        };

        // Squeaky wheel: pupils the last round left out go first in the next one. A fixed number of rounds keeps
        // the hint, and so reproducible runs, deterministic (outside them the rounds also stop at the deadline).
        // The augmenting paths and staff substitution chains of GreedyAllocator.Repair start CP-SAT from a tighter
        // plan (region: 875 unplaced instead of 1,015), but over three 60 s runs each the first tier ended 2.4–14.0 %
        // from its bound with them and 5.3–8.5 % without: no gain beyond the run-to-run spread, so fresh solves keep
        // the simpler hint.
        var stale = 0;
        for (var round = 0; round < SqueakyWheelRounds && stale < RoundsWithoutGain; round++)
        {
            if (round > 0 && clock is not null && clock.Elapsed > deadline)
            {
                break;
            }

            var allocation = GreedyAllocator.Allocate(steered, order);
            var candidate = FromAllocation(model, allocation);
            if ((candidate.Unplaced, candidate.RankCost).CompareTo((best.Unplaced, best.RankCost)) < 0)
            {
                best = candidate;
                stale = 0;
            }
            else
            {
                stale++;
            }

            var left = allocation.Unplaced.Where(u => u.Reason != "no-feasible-choice").Select(u => u.Pupil).ToHashSet();
            if (left.Count == 0)
            {
                break;
            }

            order = [.. order.Where(left.Contains), .. order.Where(p => !left.Contains(p))];
        }

        return best;
    }

    private const int SqueakyWheelRounds = 12;

    private const int RoundsWithoutGain = 4;

    /// <summary>
    /// A re-plan starts from the published plan: pupils who keep their offer go first and ask for it first, so the
    /// greedy rebuilds the plan around them and only the pupils who must move look elsewhere.
    /// </summary>
    private static SolverHint FromBaseline(AllocationModel model)
    {
        var problem = model.Index.Problem;
        var baseline = model.Baseline!;
        var forced = model.ForcedMoves.ToHashSet();
        var steered = problem with
        {
            Pupils = [.. model.Pupils.Select(p => baseline.Placements.TryGetValue(p.Id, out var before) && !forced.Contains(p.Id) ? SteerTowards(p, before.Offer) : p)],
        };
        // Pupils who keep their offer first, then those who must find a place (moved out, or joined), then those the
        // published plan left out: free seats go to the pupils the first tier protects.
        var protectedPupils = ProtectedPupils(model);
        var lottery = ArrivalOrders.ByLottery(problem);
        var order = lottery.Where(p => baseline.Placements.ContainsKey(p) && !forced.Contains(p))
            .Concat(lottery.Where(p => protectedPupils.Contains(p) && (!baseline.Placements.ContainsKey(p) || forced.Contains(p))))
            .Concat(lottery.Where(p => !protectedPupils.Contains(p)))
            .ToList();
        var rebuiltPlan = GreedyAllocator.Allocate(steered, order);
        if (model.BaselineAllocation is not { } published)
        {
            return FromAllocation(model, rebuiltPlan);
        }

        // The published plan itself, minus what became impossible, is usually the better start: its groups and staff
        // stay where still allowed, and the pupils who must move take free seats or follow the shortest chains of
        // moves that make room, instead of the greedy rebuilding every staffing decision differently.
        var kept = published with
        {
            Placements = [.. published.Placements.Where(p => !forced.Contains(p.Pupil) && model.Index.Pupils.ContainsKey(p.Pupil))],
        };
        var repaired = GreedyAllocator.Repair(problem, kept, order, protectedPupils);
        var best = new[] { repaired, rebuiltPlan }
            .OrderBy(plan => plan.Unplaced.Count(u => protectedPupils.Contains(u.Pupil)))
            .ThenBy(plan => Moved(baseline, plan))
            .ThenBy(plan => plan.Unplaced.Length)
            .First();
        return FromAllocation(model, best);
    }

    private static HashSet<PupilId> ProtectedPupils(AllocationModel model) =>
        model.Pupils.Select(p => p.Id).Where(model.Baseline!.IsProtected).ToHashSet();

    /// <summary>Pupils of the published plan who are not in the same offer and group in <paramref name="plan"/>.</summary>
    private static int Moved(ReplanBaseline baseline, Allocation plan)
    {
        var now = plan.Placements.GroupBy(p => p.Pupil).ToDictionary(g => g.Key, g => g.Select(p => (p.Offer, p.Group)).ToHashSet());
        return baseline.Placements.Count(b => !now.TryGetValue(b.Key, out var places) || !places.Contains(b.Value));
    }

    private static Pupil SteerTowards(Pupil pupil, OfferId offer) => pupil with
    {
        Choices = [.. pupil.Choices.OrderBy(c => c.Offer == offer ? 0 : 1).ThenBy(c => c.Rank).Select((c, i) => c with { Rank = i + 1 })],
    };

    private static SolverHint FromAllocation(AllocationModel model, Allocation allocation)
    {
        var problem = model.Index.Problem;
        var values = new long[model.Model.Model.Variables.Count];
        var placed = allocation.Placements.Select(p => (p.Pupil, p.Offer)).ToHashSet();
        long rankCost = 0;
        foreach (var pair in model.Pairs)
        {
            var isPlaced = placed.Contains((model.Pupils[pair.Pupil].Id, model.Offers[pair.Offer].Id));
            values[pair.Place.GetIndex()] = isPlaced ? 1 : 0;
            rankCost += isPlaced ? problem.Rules.Objective.RankCost(pair.Rank) : 0;
        }

        // Looked up per offer below; grouping once avoids scanning every group and staff slot per offer.
        var groupsByOffer = allocation.Groups.ToLookup(g => g.Offer);
        var slotsByOffer = model.StaffSlots.ToLookup(s => s.Offer);
        var typeMembers = model.StaffTypes.Select(t => t.Members.Select(m => model.Staff[m].Id).ToHashSet()).ToArray();
        for (var o = 0; o < model.Offers.Length; o++)
        {
            var options = model.Options[o];
            if (options is null)
            {
                continue;
            }

            var groups = groupsByOffer[model.Offers[o].Id].ToList();
            var pupils = groups.Sum(g => g.Pupils.Length);
            var chosen = options.FindIndex(x => x.Groups == groups.Count && x.MinPupils <= pupils && pupils <= x.MaxPupils);
            values[model.OptionVars[o]![Math.Max(0, chosen)].GetIndex()] = 1;
            foreach (var slot in slotsByOffer[o])
            {
                var week = model.WeekClasses[slot.WeekClass].Weeks[0];
                var working = groups.SelectMany(g => g.Staffing.Where(w => w.Week == week).SelectMany(w => w.Staff)).Count(typeMembers[slot.Type].Contains);
                values[slot.Assigned.GetIndex()] = Math.Min(working, slot.Capacity);
            }
        }

        SetBuses(model, values);
        return new SolverHint(values, allocation.Unplaced.Length, rankCost);
    }

    /// <summary>Sets each bus count to what the hinted placements need.</summary>
    internal static void SetBuses(AllocationModel model, long[] values)
    {
        var seats = Math.Max(1, model.Index.Problem.Rules.BusSeatCount);
        foreach (var bus in model.BusSlots)
        {
            var riders = bus.Pairs.Count(p => values[model.Pairs[p].Place.GetIndex()] == 1);
            values[bus.Buses.GetIndex()] = (riders + seats - 1) / seats;
        }
    }
}
