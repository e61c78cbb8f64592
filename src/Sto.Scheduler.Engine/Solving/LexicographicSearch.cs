using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;
using Sto.Scheduler.Engine.Modeling;

namespace Sto.Scheduler.Engine.Solving;

/// <summary>
/// Optimises the tiers one after another: each tier is minimised with the previous solution as a complete hint,
/// then its value is fixed as a constraint (≤ the value found) before the next tier. Records value, proven bound
/// and gap per tier.
/// </summary>
internal sealed partial class LexicographicSearch(AllocationModel model, SolverSettings settings, IProgress<SolveProgress>? progress)
{
    private static readonly Dictionary<string, double> TierShares = new(StringComparer.Ordinal)
    {
        [TierNames.PlacementAndPreference] = 6,
        [TierNames.PlacementAndFirstChoices] = 6,
        [TierNames.KeptPlaces] = 5,
        [TierNames.Moves] = 7,
        [TierNames.Placement] = 2,
        [TierNames.Preference] = 3,
        [TierNames.Weighted] = 8,
        [TierNames.Travel] = 1.5,
        [TierNames.Staffing] = 1.5,
        [TierNames.Priority] = 1,
    };

    private const int LargeModelPairs = 10_000;

    /// <summary>
    /// The combined first tier decides who gets a place at all. On region-sized models it is still placing pupils when
    /// a 60 % share runs out (5,000 pupils: 768 left out at 34 s, 734 at 48 s), while the refinement tiers only break
    /// ties among plans, so there it gets 80 % of the time.
    /// </summary>
    private const double LargeFirstTierShare = 16;

    /// <summary>
    /// With the MIP companion the first tier gets 90 %: CBC needs 30–46 s beside CP-SAT on the generated regions (35 s
    /// alone on seed 2) and ends with the tier proven, so the time is worth more there than in the tie-breaking tiers.
    /// </summary>
    private const double CompanionFirstTierShare = 36;

    private bool _companionRuns;

    public TimeSpan? FirstSolutionAt { get; private set; }

    public bool WasCancelled { get; private set; }

    /// <summary>Runs all tiers; returns the last solution found (never null: the empty plan is always feasible).</summary>
    /// <param name="hint">A complete starting plan (variable values), or null.</param>
    /// <param name="clock">The run's clock.</param>
    /// <param name="cancellationToken">Stops the search; the best plan so far is returned.</param>
    /// <param name="lowerBounds">
    /// Proven lower bounds of tiers by name (e.g. the flow relaxation's on placement), added as a constraint when the
    /// tier starts; a tier whose starting plan already reaches its bound is proven optimal without a search.
    /// </param>
    public (long[] Solution, ImmutableArray<TierResult> Tiers) Run(
        long[]? hint, Stopwatch clock, CancellationToken cancellationToken, IReadOnlyDictionary<string, long>? lowerBounds = null)
    {
        var tiers = ImmutableArray.CreateBuilder<TierResult>();
        var solution = hint;
        if (hint is not null)
        {
            SetHint(hint);
        }

        for (var t = 0; t < model.Tiers.Count; t++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                WasCancelled = true;
                break;
            }

            var (name, expression) = model.Tiers[t];
            if (name == TierNames.Moves && solution is not null)
            {
                // A re-plan's moves tier starts from its plan re-seated for the fewest moves at the same group sizes.
                solution = MovesFlow.Improve(model, solution);
                SetHint(solution);
            }

            long? knownBound = lowerBounds is not null && lowerBounds.TryGetValue(name, out var known) ? known : null;
            if (knownBound is { } lowerBound)
            {
                model.Model.Add(expression >= lowerBound);
                if (solution is not null && TierObjective.Evaluate(expression, solution) <= lowerBound)
                {
                    // The starting plan already reaches a proven bound: optimal without a search.
                    tiers.Add(new TierResult
                    {
                        Tier = name, Objective = lowerBound, BestBound = lowerBound, BoundSource = "known", IsProvenOptimal = true,
                        Elapsed = TimeSpan.Zero, FinishedAt = clock.Elapsed,
                    });
                    ReportTierEnd(tiers[^1], t, clock, solution);
                    HoldTier(name, expression, lowerBound);
                    continue;
                }
            }

            model.Model.Minimize(expression);
            var started = clock.Elapsed;
            _companionRuns = t == 0 && CompanionRunsIn(t);
            var tierSeconds = TierSeconds(t, clock.Elapsed);
            if (_companionRuns && tierSeconds < CompanionMinSeconds())
            {
                _companionRuns = false;
                tierSeconds = TierSeconds(t, clock.Elapsed);
            }

            if (solution is not null && NeighbourhoodPhaseFor(t, name) is { } phase)
            {
                var budget = TimeSpan.FromSeconds(tierSeconds * phase.Share);
                solution = RunNeighbourhoodSearch(name, t, expression, solution, budget, clock, phase, cancellationToken);
                SetHint(solution);
                tierSeconds = Math.Max(0.2, tierSeconds - (clock.Elapsed - started).TotalSeconds);
                if (cancellationToken.IsCancellationRequested)
                {
                    // A stop registered on a solver that has not started yet would be lost: return the improved plan now.
                    WasCancelled = true;
                    break;
                }
            }

            // Started before CP-SAT's parameters are made: if another run's CBC took the slot meanwhile, CP-SAT keeps
            // every worker.
            using var companion = _companionRuns
                ? MipCompanion.TryStart(model.Model.Model, TimeSpan.FromSeconds(tierSeconds), settings.GapLimitFor(name), clock, busyThreads: settings.Workers)
                : null;
            using var solver = new CpSolver { StringParameters = Parameters(t, tierSeconds, withCompanion: companion is not null) };
            var callback = new ProgressCallback(name, t + 1, model.Tiers.Count, clock, progress, Checkpoints())
            {
                StopGap = settings.GapLimitFor(name),
            };
            using var companionStop = new CancellationTokenSource();
            companion?.Done.ContinueWith(done => OnCompanionDone(done.Result, callback, companionStop), TaskScheduler.Default);
            using var registration = cancellationToken.Register(solver.StopSearch);
            using var companionRegistration = companionStop.Token.Register(solver.StopSearch);
            using var stall = StallStopFor(name, solver, callback, clock);
            var status = solver.Solve(model.Model, callback);
            FirstSolutionAt ??= callback.FirstSolutionAt;
            var companionResult = companion is null ? null : Collect(companion, cancellationToken.IsCancellationRequested ? TimeSpan.Zero : CompanionGrace);
            var cpSat = status is CpSolverStatus.Optimal or CpSolverStatus.Feasible
                ? FoundPlan.From(solver.Response ?? throw new InvalidOperationException("CP-SAT returned no response."))
                : null;
            var outcome = cpSat is null && companionResult?.Solution is null
                ? null
                : TierOutcome.Combine(solution is null ? null : TierObjective.Evaluate(expression, solution), cpSat, companionResult, knownBound);
            if (outcome is not null)
            {
                // A tier that found nothing better keeps the plan it started from: CP-SAT may return another plan of
                // the same value, and the starting plan was chosen with the later tiers in mind (a re-plan's
                // kept-places tier on the region drifted from 27 to 38 moves without keeping one more place).
                // CP-SAT reports OPTIMAL as soon as the relative gap limit is met: its bound is trusted, not its status.
                // Without presolve CP-SAT may end a short tier before its LP reaches a bound known beforehand.
                solution = outcome.NewValues ?? solution!;
                tiers.Add(new TierResult
                {
                    Tier = name,
                    Objective = outcome.Objective,
                    BestBound = outcome.Bound,
                    BoundSource = outcome.BoundSource,
                    Companion = companionResult?.Summary(),
                    Gap = outcome.Gap,
                    IsProvenOptimal = outcome.IsProvenOptimal,
                    Elapsed = clock.Elapsed - started,
                    FinishedAt = clock.Elapsed,
                    DeterministicTime = outcome.DeterministicTime,
                });
                ReportTierEnd(tiers[^1], t, clock, solution);
                HoldTier(name, expression, outcome.Objective);
                SetHint(solution);
            }
            else if (solution is not null)
            {
                // No solution within this tier's budget (CP-SAT may drop a hint when time runs out in presolve):
                // keep the previous plan and hold this tier at that plan's value, so a later tier cannot trade it
                // away (region re-plan: the moves tier left 15 more pupils out when the placement tier had timed out
                // in presolve); reported as unproven (gap 1).
                var kept = TierObjective.Evaluate(expression, solution);
                HoldTier(name, expression, kept);
                tiers.Add(new TierResult { Tier = name, Objective = kept, Gap = 1, BoundSource = "none", Elapsed = clock.Elapsed - started, FinishedAt = clock.Elapsed });
                ReportTierEnd(tiers[^1], t, clock, solution);
            }

            if (cancellationToken.IsCancellationRequested)
            {
                WasCancelled = true;
                break;
            }
        }

        return (solution ?? new long[model.Model.Model.Variables.Count], tiers.ToImmutable());
    }

    /// <summary>
    /// Keeps a finished tier at its value for the tiers after it. When a re-plan keeps every place that can be kept,
    /// each protected pupil's placement also becomes a rule of its own: the same plans, but CP-SAT propagates a
    /// pupil's last candidate at once instead of through one sum over thousands of pupils.
    /// </summary>
    private void HoldTier(string name, LinearExpr expression, long value)
    {
        model.Model.Add(expression <= value);
        if (name == TierNames.KeptPlaces && value <= model.ProtectedWithoutChoice)
        {
            foreach (var placed in model.ProtectedPlacements)
            {
                model.Model.Add(placed >= 1);
            }
        }
    }

    private PlanCheckpoints? Checkpoints() =>
        settings.ReportTierPlans && settings.PlanCheckpointInterval is { } interval
            ? new PlanCheckpoints(interval, model.Model.Model.Variables.Count, values => Decoding.SolutionDecoder.Decode(model, values))
            : null;

    private StallStop? StallStopFor(string tier, CpSolver solver, ProgressCallback callback, Stopwatch clock) =>
        settings.DeterministicTimeLimit is null && settings.RefinementStall is { } floor && SolverSettings.IsRefinementTier(tier)
            ? new StallStop(solver, callback, clock, floor)
            : null;

    /// <summary>
    /// Reports a tier's final result when it ends; the solution callback only sees incumbents, so without this the
    /// last report of a tier would miss the final proof.
    /// </summary>
    /// <remarks>
    /// With <see cref="SolverSettings.ReportTierPlans"/> the report carries the plan the tier ended with, so a service
    /// can keep it as a checkpoint a crashed run continues from.
    /// </remarks>
    private void ReportTierEnd(TierResult result, int tier, Stopwatch clock, long[] solution) =>
        progress?.Report(new SolveProgress
        {
            Plan = settings.ReportTierPlans ? Decoding.SolutionDecoder.Decode(model, solution) : null,
            Tier = result.Tier,
            TierNumber = tier + 1,
            TierCount = model.Tiers.Count,
            Objective = result.Objective,
            BestBound = result.BestBound,
            Gap = result.Gap,
            Elapsed = clock.Elapsed,
            EndedTier = result,
        });

    /// <summary>(objective − bound) / max(1, |objective|), never negative.</summary>
    public static double RelativeGap(long objective, long bound) =>
        // In double: a missing bound (long.MinValue) must give a huge gap, not wrap around to a negative difference.
        Math.Max(0, (double)objective - bound) / Math.Max(1.0, Math.Abs((double)objective));

    private void SetHint(long[] values)
    {
        var proto = model.Model.Model;
        proto.SolutionHint = new PartialVariableAssignment();
        proto.SolutionHint.Vars.Add(Enumerable.Range(0, values.Length));
        proto.SolutionHint.Values.Add(values);
    }

    private double ShareOf(string tier) =>
        tier is TierNames.PlacementAndPreference or TierNames.PlacementAndFirstChoices && model.Pairs.Count > LargeModelPairs
            ? _companionRuns ? CompanionFirstTierShare : LargeFirstTierShare
            : TierShares.GetValueOrDefault(tier, 1);

    private double ShareNow(int tier)
    {
        var remainingShares = model.Tiers.Skip(tier).Sum(t => ShareOf(t.Name));
        return ShareOf(model.Tiers[tier].Name) / Math.Max(1e-9, remainingShares);
    }

    /// <summary>The wall-clock budget of a tier starting now.</summary>
    private double TierSeconds(int tier, TimeSpan elapsed) =>
        // In reproducible mode the wall-clock limit must not depend on elapsed time: CP-SAT tunes itself by it.
        settings.DeterministicTimeLimit is null
            ? Math.Max(0.2, (settings.TimeLimit - elapsed).TotalSeconds * ShareNow(tier))
            : settings.TimeLimit.TotalSeconds;

    private string Parameters(int tier, double seconds, bool withCompanion = false)
    {
        var share = ShareNow(tier);
        var parts = new List<string>
        {
            Invariant($"random_seed:{settings.RandomSeed}"),
            Invariant($"relative_gap_limit:{settings.GapLimitFor(model.Tiers[tier].Name)}"),
            Invariant($"max_time_in_seconds:{seconds}"),
        };

        if (settings.Workers <= 1)
        {
            parts.Add("num_workers:1");
            parts.Add("linearization_level:2");
        }
        else
        {
            // The MIP companion takes one core: with CP-SAT on both, CBC missed the region's tier deadline (bound at
            // 46.6 of 49 s) and CP-SAT itself slowed; with one worker beside it CBC proves 0.27 % at 33 s.
            parts.Add(Invariant($"num_workers:{(withCompanion ? settings.Workers - 1 : settings.Workers)}"));
            parts.Add("subsolvers:\"max_lp\"");
        }

        // Probing dominated presolve on region-sized models (20 of 50 s on 5,000 pupils) and a time limit reached
        // during presolve loses the hint (or-tools#3750); large models skip it.
        if (model.Pairs.Count > LargeModelPairs)
        {
            parts.Add("cp_model_probing_level:0");
        }

        // Later tiers only refine the plan: on large models, and in re-plans with their short budget split over six
        // tiers, a full presolve would eat a tier's whole share before the hint is even loaded, so they start
        // searching from the hint at once. A large re-plan's first tier too: its share (2 s on the region) is less
        // than the presolve takes (2.5 s), and its hint, the repaired published plan, is complete.
        var large = model.Pairs.Count > LargeModelPairs;
        if ((tier > 0 && (large || model.Baseline is not null)) || (large && model.Baseline is not null))
        {
            parts.Add("cp_model_presolve:false");
        }

        if (settings.DeterministicTimeLimit is { } budget)
        {
            parts.Add(Invariant($"max_deterministic_time:{budget * share}"));
        }

        if (!string.IsNullOrWhiteSpace(settings.ExtraParameters))
        {
            parts.Add(settings.ExtraParameters);
        }

        return string.Join(',', parts);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
