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
    private long _bestObjective = long.MaxValue;
    private long _outsideBound = long.MinValue;
    private TimeSpan? _lastCheckpoint;

    /// <summary>The best objective CP-SAT has reported in this tier (long.MaxValue before the first).</summary>
    public long BestObjective => Interlocked.Read(ref _bestObjective);

    /// <summary>A bound proven outside CP-SAT (the <see cref="MipCompanion"/>'s), shown on reports from now on.</summary>
    public long OutsideBound => Interlocked.Read(ref _outsideBound);

    /// <summary>With an outside bound set: the relative gap at which the search stops once an incumbent reaches it.</summary>
    public double StopGap { get; init; }

    private int _stopRequested;

    /// <summary>Stops the search at its next solution even if <see cref="CpSolver.StopSearch"/> came before the search started.</summary>
    public void RequestStop() => Interlocked.Exchange(ref _stopRequested, 1);

    /// <summary>Records a bound proven outside CP-SAT; true when the best plan so far is already within the stop gap.</summary>
    public bool SetOutsideBound(long bound)
    {
        Interlocked.Exchange(ref _outsideBound, bound);
        var best = BestObjective;
        return best != long.MaxValue && LexicographicSearch.RelativeGap(best, bound) <= StopGap;
    }

    public TimeSpan? FirstSolutionAt { get; private set; }

    /// <summary>When the tier's latest (best) plan was found; read from the <see cref="StallStop"/> timer thread.</summary>
    public TimeSpan? LastSolutionAt => Interlocked.Read(ref _lastSolutionTicks) is var ticks and >= 0 ? TimeSpan.FromTicks(ticks) : null;

    public override void OnSolutionCallback()
    {
        var now = clock.Elapsed;
        FirstSolutionAt ??= now;
        Interlocked.Exchange(ref _lastSolutionTicks, now.Ticks);
        var objective = (long)Math.Round(ObjectiveValue());
        Interlocked.Exchange(ref _bestObjective, objective);
        var bound = Math.Min(objective, Math.Max((long)Math.Ceiling(BestObjectiveBound() - 1e-6), OutsideBound));
        if (Volatile.Read(ref _stopRequested) != 0 || (OutsideBound != long.MinValue && LexicographicSearch.RelativeGap(objective, bound) <= StopGap))
        {
            StopSearch();
        }

        if (progress is null)
        {
            return;
        }

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
