using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Modeling;
using Sto.Scheduler.Engine.Solving;

namespace Sto.Scheduler.Engine.Replanning;

/// <summary>
/// Re-plans a published allocation after disruptions (issue 4): applies them, then solves with the tiers
/// kept places → moves → placement → preference → travel → staffing → priority, so nobody who had a place (or joined)
/// loses one while moving others can save it, every pupil who can keep their offer keeps it, pupils left out of the
/// published plan get a seat only where that moves nobody; reports the diff and a proven lower bound on the moves that were unavoidable.
/// </summary>
public static class ReplanSolver
{
    public static ReplanOutcome Replan(
        ReplanRequest request,
        SolverSettings settings,
        IProgress<SolveProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();

        var disruptionIssues = DisruptionValidator.Validate(request.Problem, request.Disruptions);
        if (!disruptionIssues.IsEmpty)
        {
            return new ReplanOutcome.Invalid(disruptionIssues);
        }

        var problem = DisruptionApplier.Apply(request.Problem, request.Disruptions);
        var baseline = new ReplanBaseline(
            request.Baseline.Placements
                .GroupBy(p => p.Pupil)
                .ToDictionary(g => g.Key, g => (g.First().Offer, g.First().Group)),
            request.RecentlyMoved.ToHashSet(),
            request.Baseline);

        var run = AllocationSolver.Run(problem, settings, progress, baseline, cancellationToken);
        if (!run.Issues.IsEmpty)
        {
            return new ReplanOutcome.Invalid(run.Issues);
        }

        var allocation = run.Allocation!;
        var diff = AllocationDiffer.Compare(problem, request.Baseline, allocation);
        var movesTier = run.Statistics!.Tiers.FirstOrDefault(t => t.Tier == TierNames.Moves);
        var proven = request.RecentlyMoved.IsDefaultOrEmpty && movesTier is not null ? (int)Math.Max(0, movesTier.BestBound) : 0;
        var unavoidable = Math.Max(run.ForcedMoves.Count, proven);

        return new ReplanOutcome.Replanned(problem, allocation, run.Quality!, run.Statistics, run.Status, diff, unavoidable);
    }
}
