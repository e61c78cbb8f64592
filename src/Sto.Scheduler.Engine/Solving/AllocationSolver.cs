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

        var clock = Stopwatch.StartNew();
        var issues = ProblemValidator.Validate(problem);
        if (!issues.IsEmpty)
        {
            return new SolverRun { Issues = issues };
        }

        var index = ProblemIndex.Build(problem);
        var model = AllocationModelBuilder.Build(problem, index, baseline);
        var (maxPlaced, flowCost, flowOffers) = FlowBound.Compute(model);
        // Reproducible runs always make every improvement round; otherwise the rounds stop at a tenth of the budget.
        var hintDeadline = settings.DeterministicTimeLimit is null ? clock.Elapsed + (settings.TimeLimit / 10) : (TimeSpan?)null;
        var hint = settings.UseGreedyHint ? HintBuilder.FromGreedy(model, flowOffers, clock, hintDeadline) : null;

        var search = new LexicographicSearch(model, settings, progress);
        var (solution, tiers) = search.Run(hint?.Values, clock, cancellationToken, FirstTierLowerBound(model, maxPlaced, flowCost, flowOffers.Count));
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
            TimeToFirstSolution = search.FirstSolutionAt ?? clock.Elapsed,
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
    /// The flow relaxation's lower bound of the first tier: at least the pupils the flow cannot place stay unplaced,
    /// and with exactly that many unplaced the rank cost is at least the flow's (with more unplaced the combined tier
    /// costs more anyway). Only with one placement per pupil and lexicographic tiers, where that reasoning holds.
    /// </summary>
    private static long? FirstTierLowerBound(AllocationModel model, int maxPlaced, long flowCost, int flowPlacements)
    {
        var problem = model.Index.Problem;
        if (flowPlacements == 0 || problem.Rules.MaxPlacementsPerPupil != 1 || problem.Rules.Objective.Mode == ObjectiveMode.Weighted)
        {
            return null;
        }

        long unplaced = model.Pupils.Length - maxPlaced;
        return model.Tiers[0].Name switch
        {
            TierNames.Placement => unplaced,
            TierNames.PlacementAndPreference =>
                (unplaced * AllocationModelBuilder.CombinedUnplacedCost(problem.Rules.Objective, model.Pupils.Length)) + flowCost,
            _ => null,
        };
    }
}
