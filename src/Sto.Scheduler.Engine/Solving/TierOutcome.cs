namespace Sto.Scheduler.Engine.Solving;

/// <summary>A plan one searcher ended a tier with: its value, variable values, the bound it proved and CP-SAT's deterministic time.</summary>
internal sealed record FoundPlan(long Objective, long[] Values, long Bound, double DeterministicTime)
{
    public static FoundPlan From(Google.OrTools.Sat.CpSolverResponse response) => new(
        (long)Math.Round(response.ObjectiveValue),
        [.. response.Solution],
        (long)Math.Ceiling(response.BestObjectiveBound - 1e-6),
        response.DeterministicTime);
}

/// <summary>
/// How a tier ends when several sources may have something to say: the plan it started from, CP-SAT's plan and bound,
/// the MIP companion's plan and bound, and a bound known before the search. Pure, so the hand-over rules are tested
/// without solvers.
/// </summary>
internal sealed record TierOutcome(long[]? NewValues, long Objective, long Bound, string BoundSource, double DeterministicTime)
{
    public double Gap => LexicographicSearch.RelativeGap(Objective, Bound);

    public bool IsProvenOptimal => Bound == Objective;

    /// <summary>
    /// The best plan wins; on a tie the plan the tier started from is kept (it was chosen with the later tiers in mind),
    /// then CP-SAT's. The bound is the best of the proven ones, never above the plan's value. Null when nobody has a plan.
    /// </summary>
    /// <param name="startValue">The tier's value of the plan it started from, if any (<see cref="NewValues"/> null means keep it).</param>
    /// <param name="cpSat">CP-SAT's plan and bound, if it found a plan.</param>
    /// <param name="mip">The MIP companion's result, if it ran: its plan only when checked, its bound when trusted.</param>
    /// <param name="known">A lower bound known before the search (e.g. pupils with no live choice).</param>
    public static TierOutcome? Combine(long? startValue, FoundPlan? cpSat, MipCompanionResult? mip, long? known)
    {
        var mipPlan = mip is { Solution: { } values, Objective: { } value } ? new FoundPlan(value, values, long.MinValue, 0) : null;
        var best = cpSat;
        if (mipPlan is not null && (best is null || mipPlan.Objective < best.Objective))
        {
            best = mipPlan;
        }

        if (best is null && startValue is null)
        {
            return null;
        }

        var keepStart = startValue is { } start && (best is null || start <= best.Objective);
        var objective = keepStart ? startValue!.Value : best!.Objective;
        var bound = long.MinValue;
        var source = "none";
        Raise(cpSat?.Bound, "cp-sat");
        Raise(mip?.Bound, "cbc");
        Raise(known, "known");
        return new TierOutcome(keepStart ? null : best!.Values, objective, bound, source, cpSat?.DeterministicTime ?? 0);

        void Raise(long? candidate, string by)
        {
            if (candidate is { } value && Math.Min(objective, value) > bound)
            {
                bound = Math.Min(objective, value);
                source = by;
            }
        }
    }
}
