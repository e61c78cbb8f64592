using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Baselines;

/// <summary>
/// Today's practice as a baseline, and a fast, always-valid starting plan for the solver's hint: pupils in a given
/// arrival order each take their best-ranked choice that still has room under every hard rule of docs/rules.md
/// (H1–H12), joining an open group or opening the next parallel group and adding staff where needed. Groups below
/// the minimum size then close and their pupils, with everyone still unplaced, try again until nothing changes.
/// </summary>
/// <remarks>
/// With k placements per pupil, a pupil takes up to k choices in rank order on their turn. Pupils missing from the
/// arrival order come last, in problem order; unknown and repeated ids in the order are ignored. Unplaced pupils get
/// "no-feasible-choice" when no choice passes the candidate filter, otherwise "capacity".
/// </remarks>
public static class GreedyAllocator
{
    /// <summary>Allocates the pupils greedily in <paramref name="arrivalOrder"/>.</summary>
    public static Allocation Allocate(SchedulingProblem problem, IReadOnlyList<PupilId> arrivalOrder)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(arrivalOrder);

        var state = GreedyState.Build(problem);
        new GreedyPass(state).Run(ToIndices(state, arrivalOrder));
        return GreedyDecoder.Decode(state);
    }

    /// <summary>
    /// The greedy allocation with staff substitution chains when nobody suitable is free, then pupils left out placed
    /// along augmenting paths (<see cref="GreedyAugmenter"/>): the solver's starting plan, not today's practice.
    /// </summary>
    internal static Allocation AllocateAndAugment(SchedulingProblem problem, IReadOnlyList<PupilId> arrivalOrder) =>
        Repair(problem, new Allocation(), arrivalOrder);

    /// <summary>
    /// Repairs an existing plan: its groups, pupils and staff are kept where still allowed (<see cref="GreedyPlanLoader"/>),
    /// then pupils without a place, in <paramref name="arrivalOrder"/>, take free seats, open groups and follow
    /// augmenting paths. The re-plan's starting plan: pupils move only where a chain makes room.
    /// </summary>
    /// <param name="problem">The problem the plan must fit (after any disruptions).</param>
    /// <param name="plan">The plan to keep as far as still allowed.</param>
    /// <param name="arrivalOrder">The order in which pupils without a place ask for one.</param>
    /// <param name="mayMoveOthers">
    /// The pupils for whom others may be moved along a path; null = everyone. The rest only take free seats and open
    /// groups (a re-plan moves nobody for a pupil the published plan left out).
    /// </param>
    internal static Allocation Repair(SchedulingProblem problem, Allocation plan, IReadOnlyList<PupilId> arrivalOrder, IReadOnlySet<PupilId>? mayMoveOthers = null)
    {
        var state = GreedyState.Build(problem);
        var order = ToIndices(state, arrivalOrder);
        var pass = new GreedyPass(state) { FreeUpStaff = true };
        new GreedyPlanLoader(state, pass).Load(plan);
        pass.Run(order);
        new GreedyAugmenter(state, pass).Run(mayMoveOthers is null ? order : [.. order.Where(p => mayMoveOthers.Contains(state.Pupils[p].Pupil.Id))]);
        return GreedyDecoder.Decode(state);
    }

    private static List<int> ToIndices(GreedyState state, IReadOnlyList<PupilId> arrivalOrder)
    {
        var seen = new bool[state.Pupils.Length];
        var order = new List<int>(state.Pupils.Length);
        foreach (var id in arrivalOrder)
        {
            if (state.PupilIndex.TryGetValue(id, out var index) && !seen[index])
            {
                seen[index] = true;
                order.Add(index);
            }
        }

        for (var i = 0; i < seen.Length; i++)
        {
            if (!seen[i])
            {
                order.Add(i);
            }
        }

        return order;
    }
}
