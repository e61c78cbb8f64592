using System.Diagnostics;
using Google.OrTools.Sat;

namespace Sto.Scheduler.Engine.Solving;

/// <summary>
/// Stops a refinement tier that has stopped improving: once the search has gone without a better plan for twice
/// as long as it took to find the last one (and at least <c>floor</c>), more time rarely buys a better tie-break, while the
/// planner (and the next region in the queue) waits. Wall-clock based, so never used in reproducible mode.
/// </summary>
internal sealed class StallStop : IDisposable
{
    private readonly Timer _timer;

    public StallStop(CpSolver solver, ProgressCallback callback, Stopwatch clock, TimeSpan floor)
    {
        var started = clock.Elapsed;
        _timer = new Timer(
            _ =>
            {
                if (ShouldStop(started, callback.LastSolutionAt, clock.Elapsed, floor))
                {
                    StoppedEarly = true;
                    solver.StopSearch();
                }
            },
            null,
            CheckEvery,
            CheckEvery);
    }

    /// <summary>
    /// Stop when the last plan is older than max(floor, 2 × the time it took to find it). Before the first plan (the
    /// hint, once presolve is done) there is nothing to keep: never stop then.
    /// </summary>
    public static bool ShouldStop(TimeSpan started, TimeSpan? lastSolution, TimeSpan now, TimeSpan floor) =>
        lastSolution is { } last && now - last > Max(floor, 2 * (last - started));

    /// <summary>True when this watchdog ended the search.</summary>
    public bool StoppedEarly { get; private set; }

    /// <summary>Stops the timer and waits for a check in flight, so it never touches the solver after the tier.</summary>
    public void Dispose()
    {
        using var done = new ManualResetEvent(false);
        if (_timer.Dispose(done))
        {
            done.WaitOne();
        }
    }

    private static readonly TimeSpan CheckEvery = TimeSpan.FromMilliseconds(50);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
