using System.Collections.Immutable;
using System.Diagnostics;
using Sto.Scheduler.Engine.Decoding;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;
using Sto.Scheduler.Engine.Modeling;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Engine.Solving;

/// <summary>
/// The engine's entry point: validate → build the CP-SAT model → hint → lexicographic search → decode → check.
/// Returns <see cref="SolveOutcome.Invalid"/> for bad input and otherwise always an allocation (pupils that cannot
/// be placed are listed as unplaced); a decoded allocation that fails the independent checker is a bug and throws.
/// </summary>
public static class AllocationSolver
{
    public static SolveOutcome Solve(
        SchedulingProblem problem,
        SolverSettings settings,
        IProgress<SolveProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var run = Run(problem, settings, progress, baseline: null, cancellationToken);
        return run.Issues.IsEmpty
            ? new SolveOutcome.Solved(run.Allocation!, run.Quality!, run.Statistics!, run.Status)
            : new SolveOutcome.Invalid(run.Issues);
    }

    /// <summary>The shared pipeline of a fresh solve and a re-plan.</summary>
    internal static SolverRun Run(
        SchedulingProblem problem,
        SolverSettings settings,
        IProgress<SolveProgress>? progress,
        ReplanBaseline? baseline,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();

        var clock = Stopwatch.StartNew();
        var issues = ProblemValidator.Validate(problem);
        if (!issues.IsEmpty)
        {
            return new SolverRun { Issues = issues };
        }

        var index = ProblemIndex.Build(problem);
        // The first greedy round needs neither the model nor the flow: made on the second core while the model is
        // built, a fresh process reports a plan for the region in about half a second instead of 1.3 s (G6).
        var firstRound = settings.UseGreedyHint && baseline is null
            ? Task.Run(() => MakeAndReportFirstRound(problem, clock, progress))
            : null;
        var model = AllocationModelBuilder.Build(problem, index, baseline);
        var (maxPlaced, flowCost, flowOffers) = FlowBound.Compute(model);
        // Reproducible runs always make every improvement round; otherwise the rounds stop at a tenth of the budget.
        var hintDeadline = settings.DeterministicTimeLimit is null ? clock.Elapsed + (settings.TimeLimit / 10) : (TimeSpan?)null;
        var placementBound = FlowLowerBoundOfPlacement(model, maxPlaced, flowOffers.Count);
        var first = firstRound?.GetAwaiter().GetResult();
        TimeSpan? firstPlanAt = first?.At;
        var hint = settings.UseGreedyHint
            ? HintBuilder.FromGreedy(model, flowOffers, clock, hintDeadline, settings.StartingPlan, first?.Plan)
            : null;
        if (hint is not null && baseline is not null)
        {
            firstPlanAt = clock.Elapsed;
            // A re-plan's first tier counts pupils who lose their place; nothing better than 0 is known before CP-SAT.
            ReportFirstPlan(model, hint, 0, clock, progress);
        }

        var search = new LexicographicSearch(model, settings, progress);
        var (solution, tiers) = search.Run(hint?.Values, clock, cancellationToken, LowerBounds(model, placementBound));
        var allocation = SolutionDecoder.Decode(model, solution);

        var violations = AllocationChecker.Check(problem, allocation);
        if (!violations.IsEmpty)
        {
            throw new InvalidOperationException(
                $"The solver produced an allocation that breaks {violations.Length} hard rule(s); first: {violations[0]}.");
        }

        var status = search.WasCancelled ? SolveStatus.Cancelled
            : tiers.All(t => t.IsProvenOptimal || t.Gap <= settings.GapLimitFor(t.Tier)) ? SolveStatus.Optimal
            : SolveStatus.Feasible;

        var statistics = new SolveStatistics
        {
            Tiers = tiers,
            CandidatePairs = model.Pairs.Count,
            Variables = model.Model.Model.Variables.Count,
            Constraints = model.Model.Model.Constraints.Count,
            FlowBoundUnplaced = problem.Rules.MaxPlacementsPerPupil <= 1 ? problem.Pupils.Length - maxPlaced : 0,
            FlowBoundRankCost = flowCost,
            HintUnplaced = hint?.Unplaced ?? problem.Pupils.Length,
            HintRankCost = hint?.RankCost ?? 0,
            TimeToFirstSolution = firstPlanAt ?? search.FirstSolutionAt ?? clock.Elapsed,
            Elapsed = clock.Elapsed,
        };

        return new SolverRun
        {
            Issues = [],
            Allocation = allocation,
            Quality = QualityCalculator.Calculate(problem, allocation),
            Statistics = statistics,
            Status = status,
            ForcedMoves = model.ForcedMoves,
        };
    }

    /// <summary>
    /// Makes the first greedy round and reports it as a first-tier incumbent (no bound yet), so a planner sees a plan
    /// within about half a second on the region (G6). Like CP-SAT's own incumbent reports it carries no
    /// <see cref="SolveProgress.EndedTier"/>.
    /// </summary>
    private static (Allocation Plan, TimeSpan At) MakeAndReportFirstRound(SchedulingProblem problem, Stopwatch clock, IProgress<SolveProgress>? progress)
    {
        var plan = HintBuilder.FirstRound(problem);
        var at = clock.Elapsed;
        if (progress is not null)
        {
            var tiers = AllocationModelBuilder.TierNamesOf(problem.Rules.Objective, replan: false);
            progress.Report(new SolveProgress
            {
                Tier = tiers[0],
                TierNumber = 1,
                TierCount = tiers.Count,
                Objective = FirstTierValue(problem, plan),
                BestBound = 0,
                Gap = 1,
                Elapsed = at,
            });
        }

        return (plan, at);
    }

    /// <summary>The value of a fresh solve's first tier for a plan, in the units CP-SAT minimises (docs/rules.md).</summary>
    internal static long FirstTierValue(SchedulingProblem problem, Allocation plan)
    {
        var values = ObjectiveCalculator.Calculate(problem, plan);
        var objective = problem.Rules.Objective;
        return objective.Mode == ObjectiveMode.Weighted ? values.Weighted(objective)
            : objective.RankMaximal
                ? checked((values.Placement * AllocationModelBuilder.FirstChoicesUnplacedCost(problem)) - ObjectiveCalculator.PlacementsAtRank(problem, plan, 1))
                : checked((values.Placement * AllocationModelBuilder.CombinedUnplacedCost(objective, problem.Pupils.Length)) + values.Preference);
    }

    /// <summary>
    /// Reports a re-plan's starting plan (the repaired published plan) as a first-tier incumbent before CP-SAT starts.
    /// </summary>
    private static void ReportFirstPlan(AllocationModel model, SolverHint plan, long bound, Stopwatch clock, IProgress<SolveProgress>? progress)
    {
        if (progress is null)
        {
            return;
        }

        var (name, expression) = model.Tiers[0];
        var objective = TierObjective.Evaluate(expression, plan.Values);
        bound = Math.Min(bound, objective);
        progress.Report(new SolveProgress
        {
            Tier = name,
            TierNumber = 1,
            TierCount = model.Tiers.Count,
            Objective = objective,
            BestBound = bound,
            Gap = LexicographicSearch.RelativeGap(objective, bound),
            Elapsed = clock.Elapsed,
        });
    }

    /// <summary>
    /// Tier lower bounds known before the search: the flow's on placement; in a re-plan, the places no plan can keep and
    /// the moves of pupils whose offer became impossible.
    /// </summary>
    private static Dictionary<string, long> LowerBounds(AllocationModel model, long? placementBound)
    {
        var bounds = new Dictionary<string, long>(StringComparer.Ordinal);
        if (placementBound is { } placement)
        {
            bounds[TierNames.Placement] = placement;
        }

        if (model.Tiers.Any(t => t.Name == TierNames.KeptPlaces))
        {
            bounds[TierNames.KeptPlaces] = model.ProtectedWithoutChoice;
        }

        if (model.Tiers.Any(t => t.Name == TierNames.Moves))
        {
            // Pupils whose published offer became impossible move in every plan, at their move weight.
            var forced = model.ForcedMoves.ToHashSet();
            bounds[TierNames.Moves] = Enumerable.Range(0, model.Pupils.Length).Where(p => forced.Contains(model.Pupils[p].Id)).Sum(p => model.MoveWeights[p]);
        }

        return bounds;
    }

    /// <summary>
    /// The pupils the flow relaxation cannot place: a proven lower bound of a re-plan's placement tier, added there as
    /// a constraint so a plan that reaches it is proven at once. Only with one placement per pupil, where the flow is a
    /// relaxation of "fewest unplaced"; not on the fresh combined tier, where the same bound as a dense row with large
    /// coefficients stalled CP-SAT's LP at it (region: bound 27.1 M for 34 s instead of 54.1 M after 10 s).
    /// </summary>
    private static long? FlowLowerBoundOfPlacement(AllocationModel model, int maxPlaced, int flowPlacements) =>
        flowPlacements > 0 && model.Index.Problem.Rules.MaxPlacementsPerPupil == 1 && model.Tiers.Any(t => t.Name == TierNames.Placement)
            ? (long)model.Pupils.Length - maxPlaced
            : null;
}
