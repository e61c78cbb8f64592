using Grpc.Core;
using Sto.Scheduler.Api.V1;
using State = Sto.Scheduler.Api.V1.AllocationRun.Types.State;

namespace Sto.Scheduler.Client.Allocations;

/// <summary>
/// Follows an allocation run until it finishes: reads <c>WatchAllocationRun</c>, and when the stream drops
/// (UNAVAILABLE, INTERNAL, a deadline, or an end without a finished state) polls <c>GetAllocationRun</c> instead.
/// </summary>
/// <param name="allocations">The allocation service client (from <see cref="SchedulerClient.Allocations"/>).</param>
/// <param name="time">The clock for polling delays; <see cref="TimeProvider.System"/> when <c>null</c>.</param>
public sealed class AllocationRunWaiter(AllocationService.AllocationServiceClient allocations, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>How long to wait between two polls after the stream dropped. Default 1 second.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>True once the waiter gave up on the stream and polled.</summary>
    public bool FellBackToPolling { get; private set; }

    /// <summary>True for the states a run never leaves.</summary>
    public static bool IsFinished(AllocationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.State is State.Succeeded or State.Failed or State.Cancelled;
    }

    /// <summary>Returns the finished run; reports each new version of the run (by etag) to <paramref name="progress"/>.</summary>
    /// <exception cref="SchedulerException">The run does not exist, the caller may not read it, or polling failed.</exception>
    public async Task<AllocationRun> WaitAsync(string name, IProgress<AllocationRun>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var lastEtag = "";
        void Report(AllocationRun run)
        {
            if (run.Etag != lastEtag || run.Etag.Length == 0)
            {
                lastEtag = run.Etag;
                progress?.Report(run);
            }
        }

        try
        {
            using var call = allocations.WatchAllocationRun(new WatchAllocationRunRequest { Name = name }, cancellationToken: cancellationToken);
            while (await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                Report(call.ResponseStream.Current);
                if (IsFinished(call.ResponseStream.Current))
                {
                    return call.ResponseStream.Current;
                }
            }
        }
        catch (SchedulerException e) when (IsDrop(e.StatusCode) && !cancellationToken.IsCancellationRequested)
        {
        }

        FellBackToPolling = true;
        while (true)
        {
            var run = await allocations.GetAllocationRunAsync(new GetAllocationRunRequest { Name = name }, cancellationToken: cancellationToken).ConfigureAwait(false);
            Report(run);
            if (IsFinished(run))
            {
                return run;
            }

            await Task.Delay(PollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsDrop(StatusCode code) =>
        code is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown or StatusCode.DeadlineExceeded
            or StatusCode.Cancelled or StatusCode.ResourceExhausted;
}
