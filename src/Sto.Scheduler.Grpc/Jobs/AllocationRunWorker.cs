using System.Collections.Immutable;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Engine.Explanation;
using Sto.Scheduler.Engine.Replanning;
using Sto.Scheduler.Engine.Serialization;
using Sto.Scheduler.Engine.Solving;
using Sto.Scheduler.Engine.Validation;
using Sto.Scheduler.Grpc.Diagnostics;
using Sto.Scheduler.Grpc.Errors;
using Sto.Scheduler.Grpc.Hosting;
using Sto.Scheduler.Grpc.Mapping;
using Sto.Scheduler.Grpc.Persistence;
using State = Sto.Scheduler.Api.V1.AllocationRun.Types.State;

namespace Sto.Scheduler.Grpc.Jobs;

/// <summary>
/// Claims queued runs and solves them off the request path: assemble the problem from storage → Engine →
/// store result and pupil schedules in one transaction. Progress and the lease are written by a heartbeat,
/// which also notices a planner's cancel and stops the search. Graceful shutdown
/// (<see cref="IHostApplicationLifetime.ApplicationStopping"/>) stops the search at once and gives the run back
/// to the queue (state queued, lease cleared) so another replica, or this one after its restart, takes it up;
/// after a crash the lease simply expires and any replica re-claims the run.
/// </summary>
public sealed class AllocationRunWorker(
    IServiceScopeFactory scopes,
    IAllocationEngine engine,
    IOptions<SolverOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<AllocationRunWorker> logger) : BackgroundService
{
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(10);

    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>This worker's lease owner id (host:pid:guid).</summary>
    public string Owner => _owner;

    protected override async Task ExecuteAsync(CancellationToken hostStoppingToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(hostStoppingToken, lifetime.ApplicationStopping);
        var stoppingToken = stopping.Token;
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                AllocationRun? run;
                await using (var scope = scopes.CreateAsyncScope())
                {
                    run = await scope.ServiceProvider.GetRequiredService<AllocationRunStore>()
                        .TryClaimAsync(_owner, settings.LeaseDuration, settings.MaxAttempts, stoppingToken);
                }

                if (run is null)
                {
                    await Task.Delay(settings.PollInterval, stoppingToken);
                    continue;
                }

                Log.RunClaimed(logger, run.Name, _owner, run.AttemptCount);
                try
                {
                    await SolveAsync(run, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    await ReleaseAsync(run.Name);
                    throw;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                Log.WorkerLoopFailed(logger, exception);
                await Task.Delay(settings.PollInterval, stoppingToken);
            }
        }
    }

    private async Task SolveAsync(AllocationRun run, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<AllocationRunStore>();
        var subregion = ResourcePattern.Ancestor(run.Name, 2);
        Func<IProgress<SolveProgress>, CancellationToken, object> work;
        Engine.Domain.SchedulingProblem? problem = null;
        if (run.ReplanOf.Length > 0)
        {
            var request = await scope.ServiceProvider.GetRequiredService<ReplanInputs>()
                .BuildAsync(run.ReplanOf, run.Disruptions, stoppingToken);
            if (request is null)
            {
                await FailAsync(store, run, RpcErrors.FailedPrecondition(run.ReplanOf, ErrorReasons.RunNotSucceeded,
                    $"The base run '{run.ReplanOf}' has no stored allocation to re-plan.").GetRpcStatus());
                return;
            }

            work = (p, ct) => engine.Replan(request, ToSettings(run, settings), p, ct);
        }
        else
        {
            problem = await scope.ServiceProvider.GetRequiredService<ProblemAssembler>()
                .AssembleAsync(subregion, run.Weeks, stoppingToken);
            if (problem is null)
            {
                await FailAsync(store, run, RpcErrors.NotFound(subregion, "scheduler.sto/Subregion").GetRpcStatus());
                return;
            }

            var solving = problem;
            var solverSettings = ToSettings(run, settings) with { ReportTierPlans = true, PlanCheckpointInterval = settings.CheckpointInterval };
            if (await store.GetCheckpointAsync(run.Name, stoppingToken) is { } checkpoint
                && ProblemJson.TryDeserializeAllocation(checkpoint, out var startingPlan, out _))
            {
                solverSettings = solverSettings with { StartingPlan = startingPlan };
                Log.RunResumed(logger, run.Name, startingPlan!.Placements.Length);
            }

            work = (p, ct) => engine.Solve(solving, solverSettings, p, ct);
        }

        using var solveCancellation = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var progress = new LatestProgress();
        var cancelledByPlanner = false;
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = Task.Run(async () =>
        {
            var interval = TimeSpan.FromTicks(Math.Min(settings.ProgressInterval.Ticks, settings.LeaseDuration.Ticks / 3));
            await using var beatScope = scopes.CreateAsyncScope();
            var beatStore = beatScope.ServiceProvider.GetRequiredService<AllocationRunStore>();
            while (!heartbeatStop.IsCancellationRequested)
            {
                await Task.Delay(interval, heartbeatStop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                var (owned, cancel) = await beatStore.HeartbeatAsync(
                    run.Name, _owner, settings.LeaseDuration, progress.Value, progress.TakeNewCheckpoint(), CancellationToken.None);
                if (cancel || !owned)
                {
                    cancelledByPlanner = cancel;
                    await solveCancellation.CancelAsync();
                }
            }
        }, CancellationToken.None);

        object? outcome = null;
        try
        {
            outcome = await Task.Run(() => work(progress, solveCancellation.Token), CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.RunFailed(logger, run.Name, exception);
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
        }

        if (stoppingToken.IsCancellationRequested && !cancelledByPlanner)
        {
            // The search stopped early but its best plan is valid: keep it, so the next claim continues from it.
            await ReleaseAsync(run.Name, outcome is SolveOutcome.Solved best ? ProblemJson.SerializeAllocation(best.Allocation) : null);
            return;
        }

        var stored = outcome switch
        {
            SolveOutcome.Invalid invalid => await FailInvalidAsync(store, run, invalid.Issues),
            ReplanOutcome.Invalid invalid => await FailInvalidAsync(store, run, invalid.Issues),
            SolveOutcome.Solved solved => await StoreSolvedAsync(store, run, problem!, new Solution(solved.Allocation, solved.Quality, solved.Status, solved.Statistics), null, cancelledByPlanner, progress.Value),
            ReplanOutcome.Replanned replanned => await StoreSolvedAsync(store, run, replanned.Problem,
                new Solution(replanned.Allocation, replanned.Quality, replanned.Status, replanned.Statistics),
                ReplanMapping.ToProto(replanned.Diff, replanned.UnavoidableMoves, run.Name, run.ReplanOf), cancelledByPlanner, progress.Value),
            _ => await FailAsync(store, run, new Google.Rpc.Status
            {
                Code = (int)global::Grpc.Core.StatusCode.Internal, Message = "The solver failed; see the server log.",
            }),
        };
        if (!stored)
        {
            Log.RunLeaseLost(logger, run.Name);
        }
    }

    private Task<bool> FailAsync(AllocationRunStore store, AllocationRun run, Google.Rpc.Status? error) =>
        store.CompleteAsync(run.Name, _owner, r =>
        {
            r.State = State.Failed;
            r.Error = error;
        }, null, null, CancellationToken.None);

    /// <summary>Gives the run back to the queue; bounded, so a dead database cannot hold up shutdown.</summary>
    private async Task ReleaseAsync(string name, string? checkpoint = null)
    {
        using var timeout = new CancellationTokenSource(ReleaseTimeout);
        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<AllocationRunStore>().ReleaseAsync(name, _owner, checkpoint, timeout.Token))
        {
            Log.RunReleased(logger, name);
        }
    }

    private Task<bool> FailInvalidAsync(AllocationRunStore store, AllocationRun run, ImmutableArray<ValidationIssue> issues)
    {
        Log.RunInvalid(logger, run.Name, issues.Length);
        return FailAsync(store, run, RpcErrors.ValidationStatus(issues));
    }

    private async Task<bool> StoreSolvedAsync(
        AllocationRunStore store, AllocationRun run, Engine.Domain.SchedulingProblem problem,
        Solution solved, Api.V1.AllocationDiff? diff, bool cancelled, RunProgress? lastProgress)
    {
        var allocation = AllocationMapping.ToProto(solved.Allocation, run.Name + "/allocation");
        var schedules = PupilScheduleMapping.Build(problem, solved.Allocation, run.Name);
        var quality = AllocationMapping.ToProto(solved.Quality);
        quality.Fairness = ExplanationMapping.ToProto(FairnessReport.Calculate(problem, solved.Allocation));
        var snapshot = new RunSnapshot(
            ProblemJson.Serialize(problem), ProblemJson.SerializeAllocation(solved.Allocation), diff is null ? null : ProtoJson.Write(diff));
        var ok = await store.CompleteAsync(run.Name, _owner, r =>
        {
            r.State = cancelled ? State.Cancelled : State.Succeeded;
            r.Quality = quality;
            r.SolveStatus = AllocationMapping.ToProto(solved.Status);
            r.Progress = AllocationMapping.FinalProgress(solved.Statistics, lastProgress?.TierCount ?? 0) ?? lastProgress ?? r.Progress;
            if (r.Progress is not null)
            {
                r.Progress.Final = true;
            }

            r.MovedPupilCount = diff?.MovedPupilCount ?? 0;
            r.UnavoidableMoveCount = diff?.UnavoidableMoveCount ?? 0;
        }, allocation, schedules, CancellationToken.None, snapshot);
        Log.RunFinished(logger, run.Name, cancelled ? "CANCELLED" : "SUCCEEDED", solved.Quality.PlacedCount,
            solved.Quality.PupilCount, solved.Statistics.Gap, solved.Statistics.Elapsed.TotalSeconds);
        return ok;
    }

    private static SolverSettings ToSettings(AllocationRun run, SolverOptions options) => SolverSettings.Default with
    {
        TimeLimit = run.Settings?.TimeLimit is { } limit && limit.ToTimeSpan() > TimeSpan.Zero ? limit.ToTimeSpan() : options.DefaultTimeLimit,
        RandomSeed = run.Settings?.RandomSeed is > 0 ? run.Settings.RandomSeed : 1,
        Workers = options.Workers,
        MipCompanion = options.MipCompanion,
    };

    /// <summary>What the worker stores of a solve or a re-plan.</summary>
    private sealed record Solution(Engine.Domain.Allocation Allocation, Engine.Domain.AllocationQuality Quality, Engine.Solving.SolveStatus Status, SolveStatistics Statistics);

    /// <summary>
    /// Keeps the latest report and the final results of the tiers that have ended; the heartbeat writes it at its
    /// own pace, so a tier's final report is not lost when the next tier reports before the next beat.
    /// </summary>
    private sealed class LatestProgress : IProgress<SolveProgress>
    {
        private readonly List<TierResult> _ended = [];
        private SolveProgress? _latest;
        private RunProgress? _value;
        private Engine.Domain.Allocation? _newPlan;

        /// <summary>The latest report as a message, built when read (CP-SAT reports far more often than the heartbeat reads).</summary>
        public RunProgress? Value
        {
            get
            {
                lock (_ended)
                {
                    if (_latest is { } latest)
                    {
                        _value = AllocationMapping.ToProto(latest, _ended);
                        _latest = null;
                    }

                    return _value;
                }
            }
        }

        /// <summary>The latest plan reported (a tier end or a mid-tier checkpoint) as ProblemJson, once (null when none is new since the last call).</summary>
        public string? TakeNewCheckpoint()
        {
            Engine.Domain.Allocation? plan;
            lock (_ended)
            {
                (plan, _newPlan) = (_newPlan, null);
            }

            return plan is null ? null : ProblemJson.SerializeAllocation(plan);
        }

        public void Report(SolveProgress value)
        {
            lock (_ended)
            {
                if (value.EndedTier is { } ended)
                {
                    _ended.Add(ended);
                }

                _newPlan = value.Plan ?? _newPlan;
                _latest = value;
            }
        }
    }
}
