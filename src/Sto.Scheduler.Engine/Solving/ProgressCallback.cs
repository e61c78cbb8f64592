using System.Diagnostics;
using Google.OrTools.Sat;

namespace Sto.Scheduler.Engine.Solving;

/// <summary>Forwards each improving solution of a tier to the caller's progress reporter.</summary>
internal sealed class ProgressCallback(
    string tier, int tierNumber, int tierCount, Stopwatch clock, IProgress<SolveProgress>? progress) : CpSolverSolutionCallback
{
    private long _lastSolutionTicks = -1;

    public TimeSpan? FirstSolutionAt { get; private set; }

    /// <summary>When the tier's latest (best) plan was found; read from the <see cref="StallStop"/> timer thread.</summary>
    public TimeSpan? LastSolutionAt => Interlocked.Read(ref _lastSolutionTicks) is var ticks and >= 0 ? TimeSpan.FromTicks(ticks) : null;

    public override void OnSolutionCallback()
    {
        FirstSolutionAt ??= clock.Elapsed;
        Interlocked.Exchange(ref _lastSolutionTicks, clock.Elapsed.Ticks);
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
