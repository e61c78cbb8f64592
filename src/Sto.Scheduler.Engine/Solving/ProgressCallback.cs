using System.Diagnostics;
using Google.OrTools.Sat;

namespace Sto.Scheduler.Engine.Solving;

/// <summary>
/// Forwards each improving solution of a tier to the caller's progress reporter; with a checkpoint interval it also
/// decodes the solution into a plan on the report, at most once per interval.
/// </summary>
internal sealed class ProgressCallback(
    string tier,
    int tierNumber,
    int tierCount,
    Stopwatch clock,
    IProgress<SolveProgress>? progress,
    PlanCheckpoints? checkpoints = null) : CpSolverSolutionCallback
{
    private long _lastSolutionTicks = -1;
    private TimeSpan? _lastCheckpoint;

    public TimeSpan? FirstSolutionAt { get; private set; }

    /// <summary>When the tier's latest (best) plan was found; read from the <see cref="StallStop"/> timer thread.</summary>
    public TimeSpan? LastSolutionAt => Interlocked.Read(ref _lastSolutionTicks) is var ticks and >= 0 ? TimeSpan.FromTicks(ticks) : null;

    public override void OnSolutionCallback()
    {
        var now = clock.Elapsed;
        FirstSolutionAt ??= now;
        Interlocked.Exchange(ref _lastSolutionTicks, now.Ticks);
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
            Elapsed = now,
            Plan = CheckpointDue(now) ? checkpoints!.Decode(CurrentSolution()) : null,
        });
    }

    private bool CheckpointDue(TimeSpan now)
    {
        if (checkpoints is null || (_lastCheckpoint is { } last && now - last < checkpoints.Interval))
        {
            return false;
        }

        _lastCheckpoint = now;
        return true;
    }

    private long[] CurrentSolution()
    {
        var values = new long[checkpoints!.VariableCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = SolutionIntegerValue(i);
        }

        return values;
    }
}

/// <summary>What a <see cref="ProgressCallback"/> needs to put plans on its reports: how often, and how to decode one.</summary>
internal sealed record PlanCheckpoints(TimeSpan Interval, int VariableCount, Func<long[], Domain.Allocation> Decode);
