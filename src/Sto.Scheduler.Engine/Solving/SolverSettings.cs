namespace Sto.Scheduler.Engine.Solving;

/// <summary>
/// How hard and how reproducibly to search. On 2 cores the default CP-SAT portfolio proves nothing
/// (PERFORMANCE §1.5): <see cref="Default"/> uses 2 workers with the max_lp subsolver;
/// <see cref="Deterministic"/> uses 1 worker, linearization level 2 and a deterministic-time budget.
/// </summary>
public sealed record SolverSettings
{
    /// <summary>Wall-clock limit for the whole run, all tiers together.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>CP-SAT workers; 1 means the reproducible single-thread search.</summary>
    public int Workers { get; init; } = 2;

    public int RandomSeed { get; init; } = 1;

    /// <summary>Stop a tier when its proven gap is at most this (0.005 = 0.5 %).</summary>
    public double RelativeGapLimit { get; init; } = 0.005;

    /// <summary>
    /// Gap at which the refinement tiers (travel, staffing, priority) stop: they only break ties among plans that
    /// are equally good for pupils, so proving them to 0.5 % would spend time the planner does not gain from.
    /// </summary>
    public double RefinementGapLimit { get; init; } = 0.02;

    /// <summary>The gap limit in force for a tier ("travel", "staffing" and "priority" are refinement tiers).</summary>
    public double GapLimitFor(string tier) =>
        IsRefinementTier(tier) ? Math.Max(RelativeGapLimit, RefinementGapLimit) : RelativeGapLimit;

    /// <summary>
    /// A refinement tier stops once it has gone without a better plan for twice as long as it took to find its last
    /// one, and at least this long (null: refinement tiers run to their gap or time limit). Not used in reproducible mode.
    /// </summary>
    public TimeSpan? RefinementStall { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Travel, staffing and priority only break ties among plans equally good for pupils.</summary>
    public static bool IsRefinementTier(string tier) => tier is "travel" or "staffing" or "priority";

    /// <summary>When set, the search budget is CP-SAT deterministic time, making results byte-identical on repeat.</summary>
    public double? DeterministicTimeLimit { get; init; }

    /// <summary>
    /// A plan to continue from, e.g. the best plan of a run a service restart interrupted. It is repaired against the
    /// problem (what is no longer allowed is dropped, pupils without a place are placed where possible) and used as
    /// the hint when it is at least as good as the greedy one. Ignored by re-plans (they start from their baseline).
    /// </summary>
    public Domain.Allocation? StartingPlan { get; init; }

    /// <summary>
    /// Put the plan each tier ends with on its tier-end progress report (<see cref="SolveProgress.Plan"/>), e.g. for a
    /// service to checkpoint; costs one decode per tier.
    /// </summary>
    public bool ReportTierPlans { get; init; }

    /// <summary>
    /// With <see cref="ReportTierPlans"/>: while a tier searches, also put its best plan so far on a progress report,
    /// at most this often (null: at tier ends only). A region's first tier searches for most of the run, so a service
    /// that checkpoints only tier ends would lose that work when it crashes mid-tier.
    /// </summary>
    public TimeSpan? PlanCheckpointInterval { get; init; }

    /// <summary>Use the greedy allocation as a solution hint (recommended).</summary>
    public bool UseGreedyHint { get; init; } = true;

    /// <summary>
    /// EXPERIMENT, off by default: the part (0–1) of a large fresh model's first tier spent in a hand-made
    /// large-neighbourhood search before CP-SAT takes over (README "How the model is built"). Region, 35 %: median 734
    /// left out against 743 without, but three of ten runs ended at 776–807, worse than every run without it.
    /// Ignored in reproducible mode, in re-plans and on models with at most 10,000 pairs.
    /// </summary>
    public double NeighbourhoodSearchShare { get; init; }

    /// <summary>
    /// On large models (over 10,000 candidate pairs), run CBC on the first tier beside CP-SAT: its cutting planes prove
    /// the bound CP-SAT's LP does not reach on region-sized instances, and its plan is taken when better (after an
    /// independent check of every constraint). Costs a third thread and memory while the first tier runs; not used in
    /// reproducible mode, with one worker or in re-plans.
    /// </summary>
    public bool MipCompanion { get; init; } = true;

    /// <summary>Candidate pairs above which the MIP companion runs (tests lower it to run it on small models).</summary>
    internal int MipCompanionMinPairs { get; init; } = 10_000;

    /// <summary>
    /// The shortest first tier (wall-clock seconds) the MIP companion runs in (larger models need more: at least 1.6 s
    /// per 1,000 candidate pairs). On the 5,000-pupil region CBC needs 25–37
    /// s beside CP-SAT to prove its bound; in a 22 s tier it found nothing, and CP-SAT with one worker left 1,015 pupils
    /// out against 897 with two, so shorter tiers keep both cores for CP-SAT.
    /// </summary>
    internal double MipCompanionMinSeconds { get; init; } = 40;

    /// <summary>Extra CP-SAT parameters in text format appended last (experiments, e.g. "log_search_progress:true").</summary>
    public string ExtraParameters { get; init; } = "";

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting that cannot be searched with.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TimeLimit, TimeSpan.Zero, nameof(TimeLimit));
        ArgumentOutOfRangeException.ThrowIfLessThan(Workers, 1, nameof(Workers));
        ArgumentOutOfRangeException.ThrowIfNegative(RelativeGapLimit, nameof(RelativeGapLimit));
        ArgumentOutOfRangeException.ThrowIfNegative(RefinementGapLimit, nameof(RefinementGapLimit));
        if (NeighbourhoodSearchShare is < 0 or >= 1 || double.IsNaN(NeighbourhoodSearchShare))
        {
            throw new ArgumentOutOfRangeException(nameof(NeighbourhoodSearchShare), NeighbourhoodSearchShare, "Must be at least 0 and below 1.");
        }

        if (DeterministicTimeLimit is { } budget)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(budget, 0, nameof(DeterministicTimeLimit));
        }

        if (PlanCheckpointInterval is { } checkpoints)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(checkpoints, TimeSpan.Zero, nameof(PlanCheckpointInterval));
        }

        if (RefinementStall is { } stall)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(stall, TimeSpan.Zero, nameof(RefinementStall));
        }
    }

    /// <summary>Production settings for 2 cores.</summary>
    public static SolverSettings Default { get; } = new();

    /// <summary>Reproducible settings for tests and golden files.</summary>
    public static SolverSettings Deterministic { get; } = new()
    {
        Workers = 1,
        DeterministicTimeLimit = 30,
        TimeLimit = TimeSpan.FromMinutes(5),
        RelativeGapLimit = 0,
        RefinementGapLimit = 0,
    };
}
