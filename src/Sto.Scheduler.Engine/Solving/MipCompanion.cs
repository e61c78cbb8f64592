using System.Diagnostics;
using Google.OrTools.LinearSolver;
using Google.OrTools.Sat;
using Sto.Scheduler.Engine.Modeling;

namespace Sto.Scheduler.Engine.Solving;

/// <summary>
/// CBC (OR-Tools' MPSolver backend) on a copy of one tier's model, on a thread of its own while CP-SAT searches. On
/// the region's first tier CBC's Gomory cuts close at the root the gap CP-SAT's LP leaves open (facility-location
/// structure: offers opened fractionally by pupils spread over them, README "Known gaps"), so its bound is what proves
/// the plan; its plan is offered too, and used only after <see cref="CpModelChecker"/> has re-checked every constraint.
/// </summary>
internal sealed class MipCompanion : IDisposable
{
    /// <summary>
    /// MIP bounds come out of floating-point LPs: the bound handed on is lowered by this share of its size (about 55 on
    /// a 54 M objective, less than a thousandth of one pupil's weight), so tolerance noise never proves too much.
    /// </summary>
    private const double BoundSafety = 1e-6;

    /// <summary>
    /// CBC cannot be interrupted through MPSolver, so its CPU budget is the tier's wall-clock budget times the busy
    /// threads: it ends about when the tier does. At 0.9 of that, CBC stopped at 43 s on the seed-2 region, short of the
    /// 46 s it needed.
    /// </summary>
    private const double CpuRateMargin = 1.0;

    /// <summary>A bound this large is a solver's "no bound" sentinel, not a proof.</summary>
    private const double LargestTrustedBound = 1e15;

    /// <summary>
    /// One CBC at a time per process: CBC's solver entry point is not thread-safe, its time limit counts the whole
    /// process's CPU (a second CBC would eat into the first's budget), and a CBC left running after its run ended (it
    /// cannot be interrupted) must not overlap the next run's. Set while a CBC thread is alive.
    /// </summary>
    private static int s_live;

    private readonly Lock _gate = new();
    private readonly CpModelProto _tier;
    private readonly Stopwatch _clock;
    private readonly TaskCompletionSource<MipCompanionResult> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CpModelToMip? _mip;
    private bool _stopped;

    private MipCompanion(CpModelProto tier, Stopwatch clock)
    {
        _tier = tier;
        _clock = clock;
    }

    /// <summary>Completes with the companion's result once CBC has stopped (never faults: a failure is a status).</summary>
    public Task<MipCompanionResult> Done => _done.Task;

    /// <summary>Whether a companion's CBC is running in this process now.</summary>
    public static bool IsBusy => Volatile.Read(ref s_live) != 0;

    /// <summary>
    /// Starts CBC on a snapshot of <paramref name="tierModel"/> (its objective set) with a wall-clock limit and a
    /// relative gap to stop at. <paramref name="busyThreads"/>: how many threads of this process compute meanwhile
    /// (CBC's own included), because CBC's limit counts the process's CPU time, not wall-clock time.
    /// </summary>
    /// <returns>Null when another companion is still alive in this process (the tier then runs without one).</returns>
    public static MipCompanion? TryStart(CpModelProto tierModel, TimeSpan limit, double gapLimit, Stopwatch clock, int busyThreads = 1)
    {
        if (Interlocked.CompareExchange(ref s_live, 1, 0) != 0)
        {
            return null;
        }

        var companion = new MipCompanion(tierModel.Clone(), clock);
        var cpuRate = Math.Clamp(busyThreads, 1, Environment.ProcessorCount) * CpuRateMargin;
        var thread = new Thread(() => companion.Run(limit, gapLimit, cpuRate)) { IsBackground = true, Name = "mip-companion" };
        thread.Start();
        return companion;
    }

    /// <summary>
    /// Asks CBC to stop; the result still arrives on <see cref="Done"/>. False when the backend cannot be interrupted
    /// (CBC through MPSolver cannot: it then runs to its own limit).
    /// </summary>
    public bool Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            return _mip?.Solver.InterruptSolve() ?? true;
        }
    }

    private void Run(TimeSpan limit, double gapLimit, double cpuRate)
    {
        MipCompanionResult result;
        try
        {
            result = Solve(limit, gapLimit, cpuRate);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            result = new MipCompanionResult { Status = $"failed: {error.Message}", FinishedAt = _clock.Elapsed };
        }

        // Free the slot before the result is seen, so whoever waits for it can start the next companion at once.
        Volatile.Write(ref s_live, 0);
        _done.TrySetResult(result);
    }

    private MipCompanionResult Solve(TimeSpan limit, double gapLimit, double cpuRate)
    {
        var started = _clock.Elapsed;
        var mip = CpModelToMip.Build(_tier, "CBC");
        lock (_gate)
        {
            _mip = mip;
            if (_stopped)
            {
                return MipCompanionResult.Stopped(_clock.Elapsed);
            }
        }

        var remaining = limit - (_clock.Elapsed - started);
        if (remaining <= TimeSpan.FromSeconds(0.5))
        {
            return MipCompanionResult.Stopped(_clock.Elapsed);
        }

        // CBC's limit counts the whole process's CPU time, CP-SAT's workers included.
        mip.Solver.SetTimeLimit((long)(remaining.TotalMilliseconds * cpuRate));
        using var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, gapLimit);
        var status = mip.Solver.Solve(parameters);
        return Read(mip, status);
    }

    private MipCompanionResult Read(CpModelToMip mip, Solver.ResultStatus status)
    {
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
        {
            return new MipCompanionResult { Status = status.ToString(), FinishedAt = _clock.Elapsed };
        }

        var rawBound = mip.Solver.Objective().BestBound();
        var values = mip.Solution();
        var planValue = CpModelChecker.Objective(_tier, values);
        var trusted = double.IsFinite(rawBound) && Math.Abs(rawBound) < LargestTrustedBound
            // CBC's best possible value falls back to its best plan's value when no tree bound exists yet: stopped on
            // its limit, only a bound below its own plan is a proof.
            && (status == Solver.ResultStatus.OPTIMAL || rawBound < planValue - 0.5);
        long? bound = trusted ? (long)Math.Ceiling(rawBound - (BoundSafety * Math.Max(1, Math.Abs(rawBound)))) : null;
        var violations = CpModelChecker.Violations(_tier, values, limit: 1);
        return new MipCompanionResult
        {
            Status = status.ToString(),
            Bound = bound,
            Solution = violations.Count == 0 ? values : null,
            Objective = violations.Count == 0 ? (long)Math.Round(planValue) : null,
            Rejected = violations.Count == 0 ? null : violations[0],
            FinishedAt = _clock.Elapsed,
        };
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            if (_done.Task.IsCompleted)
            {
                _mip?.Dispose();
                _mip = null;
            }
            else
            {
                // CBC is still running on its thread: dispose when it returns.
                _done.Task.ContinueWith(_ => { lock (_gate) { _mip?.Dispose(); _mip = null; } }, TaskScheduler.Default);
            }
        }
    }
}

/// <summary>What the <see cref="MipCompanion"/> found: a proven bound and a checked plan (each may be missing).</summary>
internal sealed record MipCompanionResult
{
    public string Status { get; init; } = "";

    /// <summary>A proven lower bound on the tier's objective (made safe against floating-point tolerance).</summary>
    public long? Bound { get; init; }

    /// <summary>CBC's plan as CP-SAT variable values, when it satisfies every constraint of the tier's model.</summary>
    public long[]? Solution { get; init; }

    public long? Objective { get; init; }

    /// <summary>The first violated constraint when CBC's plan failed the check (then <see cref="Solution"/> is null).</summary>
    public string? Rejected { get; init; }

    public TimeSpan FinishedAt { get; init; }

    public string Summary() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"cbc {Status} at {FinishedAt.TotalSeconds:F1} s, bound {Bound?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, plan {Objective?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? (Rejected is null ? "-" : "rejected: " + Rejected)}");

    public static MipCompanionResult Stopped(TimeSpan at) => new() { Status = "stopped", FinishedAt = at };
}
