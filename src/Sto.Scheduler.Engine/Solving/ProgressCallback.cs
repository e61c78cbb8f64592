using System.Diagnostics;
using Google.OrTools.Sat;

namespace Sto.Scheduler.Engine.Solving;

/// <summary>Forwards each improving solution of a tier to the caller's progress reporter.</summary>
internal sealed class ProgressCallback(
    string tier, int tierNumber, int tierCount, Stopwatch clock, IProgress<SolveProgress>? progress) : CpSolverSolutionCallback
{
    public TimeSpan? FirstSolutionAt { get; private set; }

    public override void OnSolutionCallback()
    {
        FirstSolutionAt ??= clock.Elapsed;
        if (progress is null)
        {
            return;
        }

        var objective = (long)Math.Round(ObjectiveValue());
        var bound = (long)Math.Ceiling(BestObjectiveBound() - 1e-6);
        progress.Report(new SolveProgress
        {
            Tier = tier,
            TierNumber = tierNumber,
            TierCount = tierCount,
            Objective = objective,
            BestBound = bound,
            Gap = LexicographicSearch.RelativeGap(objective, bound),
            Elapsed = clock.Elapsed,
        });
    }
}
