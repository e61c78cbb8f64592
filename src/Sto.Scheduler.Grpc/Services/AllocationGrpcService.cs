using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Engine.Explanation;
using CoreDiagnosis = Sto.Scheduler.Engine.Explanation.Diagnosis.CoreDiagnosis;
using DiagnosisSettings = Sto.Scheduler.Engine.Explanation.Diagnosis.DiagnosisSettings;
using DisruptionApplier = Sto.Scheduler.Engine.Replanning.DisruptionApplier;
using Sto.Scheduler.Engine.Serialization;
using Sto.Scheduler.Grpc.Auth;
using Sto.Scheduler.Grpc.Errors;
using Sto.Scheduler.Grpc.Hosting;
using Sto.Scheduler.Grpc.Jobs;
using Sto.Scheduler.Grpc.Mapping;
using Sto.Scheduler.Grpc.Persistence;
using Sto.Scheduler.Grpc.Persistence.Records;
using State = Sto.Scheduler.Api.V1.AllocationRun.Types.State;

namespace Sto.Scheduler.Grpc.Services;

/// <summary>Planners start, follow, stop, compare and publish allocation runs.</summary>
[Authorize]
public sealed class AllocationGrpcService(
    AllocationRunStore runs,
    ResourceStore resources,
    ProblemAssembler assembler,
    ReplanInputs replanInputs,
    TimeProvider time,
    IOptions<SolverOptions> options,
    IHostApplicationLifetime lifetime) : AllocationService.AllocationServiceBase
{
    private const string RunType = "scheduler.sto/AllocationRun";

    public override async Task<AllocationRun> CreateAllocationRun(CreateAllocationRunRequest request, ServerCallContext context)
    {
        ResourceNames.RequirePresent(request.Parent, ResourceNames.Subregion, "parent");
        AccessChecks.RequirePlanner(context, request.Parent);
        var violations = new FieldViolations();
        ResourceNames.Check(request.Parent, ResourceNames.Subregion, "parent", violations);
        var id = request.AllocationRunId.Length > 0 ? request.AllocationRunId : $"run-{Guid.NewGuid():N}"[..16];
        if (!ResourcePattern.IsValidId(id))
        {
            violations.Add("allocation_run_id", "1-63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit.");
        }

        var run = AllocationRunMapping.FromCreateRequest(request.AllocationRun, violations);
        violations.ThrowIfAny();

        var requestKey = StandardMethods.RequestKey(context, RunType, request.RequestId);
        if (requestKey is not null && await resources.FindRequestAsync(requestKey, context.CancellationToken) is { } earlier
            && await runs.GetAsync(earlier, context.CancellationToken) is { } replay)
        {
            return replay;
        }

        var subregion = await resources.GetAsync<Subregion>(request.Parent, context.CancellationToken)
            ?? throw RpcErrors.NotFound(request.Parent, "scheduler.sto/Subregion");
        AllocationRunMapping.CheckWeeks(run, subregion.Message, violations);
        violations.ThrowIfAny();
        if (request.ValidateOnly)
        {
            if (await assembler.AssembleAsync(request.Parent, run.Weeks, context.CancellationToken) is { } problem)
            {
                RpcErrors.ThrowIfInvalid(ProblemChecks.Validate(problem), "problem");
            }

            // The run as it would be created (AIP-163): name, queued, creation time; nothing is stored.
            run.Name = $"{request.Parent}/allocationRuns/{id}";
            run.State = State.Queued;
            run.CreateTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(time.GetUtcNow());
            return run;
        }

        var name = $"{request.Parent}/allocationRuns/{id}";
        var log = requestKey is null ? null : new RequestLogRecord { Key = requestKey, ResourceName = name, CreateTimeMs = time.GetUtcNow().ToUnixTimeMilliseconds() };
        return await runs.CreateAsync(name, request.Parent, run, log, context.CancellationToken);
    }

    public override async Task<AllocationRun> GetAllocationRun(GetAllocationRunRequest request, ServerCallContext context)
    {
        AccessChecks.RequireNamed(context, request.Name, ResourceNames.AllocationRun, "name", AccessChecks.RequirePlanner);
        return await runs.GetAsync(request.Name, context.CancellationToken) ?? throw RpcErrors.NotFound(request.Name, RunType);
    }

    public override async Task<ListAllocationRunsResponse> ListAllocationRuns(ListAllocationRunsRequest request, ServerCallContext context)
    {
        ResourceNames.RequirePresent(request.Parent, ResourceNames.Subregion, "parent");
        AccessChecks.RequirePlanner(context, request.Parent);
        var violations = new FieldViolations();
        ResourceNames.Check(request.Parent, ResourceNames.Subregion, "parent", violations);
        var (offset, size) = PageToken.Decode(request.Parent, request.PageToken, request.PageSize, violations);
        violations.ThrowIfAny();
        var (items, hasMore) = await runs.ListAsync(request.Parent, offset, size, context.CancellationToken);
        return new ListAllocationRunsResponse
        {
            AllocationRuns = { items },
            NextPageToken = hasMore ? PageToken.Encode(request.Parent, offset + size) : "",
        };
    }

    public override async Task WatchAllocationRun(
        WatchAllocationRunRequest request, IServerStreamWriter<AllocationRun> responseStream, ServerCallContext context)
    {
        AccessChecks.RequireNamed(context, request.Name, ResourceNames.AllocationRun, "name", AccessChecks.RequirePlanner);
        using var watch = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        var lastEtag = "";
        while (true)
        {
            if (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                throw new RpcException(new Status(StatusCode.Unavailable, "The server is shutting down; watch again by name."));
            }

            var etag = await runs.GetEtagAsync(request.Name, context.CancellationToken);
            if (etag is null && lastEtag.Length == 0)
            {
                throw RpcErrors.NotFound(request.Name, RunType);
            }

            if (etag is not null && etag != lastEtag && await runs.GetAsync(request.Name, context.CancellationToken) is { } run)
            {
                lastEtag = run.Etag;
                await responseStream.WriteAsync(run, context.CancellationToken);
                if (run.State is State.Succeeded or State.Failed or State.Cancelled)
                {
                    return;
                }
            }

            await Task.Delay(options.Value.WatchInterval, watch.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            context.CancellationToken.ThrowIfCancellationRequested();
        }
    }

    public override async Task<AllocationRun> CancelAllocationRun(CancelAllocationRunRequest request, ServerCallContext context)
    {
        AccessChecks.RequireNamed(context, request.Name, ResourceNames.AllocationRun, "name", AccessChecks.RequirePlanner);
        var (run, changed) = await runs.CancelAsync(request.Name, context.CancellationToken);
        return run is null ? throw RpcErrors.NotFound(request.Name, RunType)
            : !changed ? throw RpcErrors.FailedPrecondition(request.Name, ErrorReasons.RunFinished, $"Run '{request.Name}' has already finished ({StateName(run.State)}).")
            : run.State == State.Running ? await WaitUntilStoppedAsync(run, context.CancellationToken)
            : run;
    }

    /// <summary>
    /// A running run stops within about a progress interval of the cancel (its worker's heartbeat sees the request);
    /// wait for that, bounded by <see cref="SolverOptions.CancelWait"/>, so the answer is usually the stopped run.
    /// </summary>
    private async Task<AllocationRun> WaitUntilStoppedAsync(AllocationRun run, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        bounded.CancelAfter(options.Value.CancelWait);
        var interval = TimeSpan.FromTicks(Math.Min(options.Value.WatchInterval.Ticks, TimeSpan.FromMilliseconds(100).Ticks));
        while (run.State is State.Running or State.Queued && !bounded.IsCancellationRequested)
        {
            await Task.Delay(interval, bounded.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            run = await runs.GetAsync(run.Name, CancellationToken.None) ?? run;
        }

        return run;
    }

    /// <summary>The proto name of a state ("STATE_FAILED"), for messages.</summary>
    private static string StateName(State state) =>
        AllocationRun.Descriptor.EnumTypes[0].FindValueByNumber((int)state)?.Name ?? state.ToString();

    public override async Task<AllocationRun> PublishAllocationRun(PublishAllocationRunRequest request, ServerCallContext context)
    {
        AccessChecks.RequireNamed(context, request.Name, ResourceNames.AllocationRun, "name", AccessChecks.RequirePlanner);
        var run = await runs.GetAsync(request.Name, context.CancellationToken) ?? throw RpcErrors.NotFound(request.Name, RunType);
        if (request.Etag.Length > 0 && request.Etag != run.Etag)
        {
            throw RpcErrors.EtagMismatch(request.Name);
        }

        if (run.State != State.Succeeded)
        {
            throw RpcErrors.FailedPrecondition(request.Name, ErrorReasons.RunNotSucceeded,
                $"Only a succeeded run can be published; '{request.Name}' is {StateName(run.State)}.");
        }

        return await runs.PublishAsync(request.Name, context.CancellationToken);
    }

    public override async Task<Allocation> GetAllocation(GetAllocationRequest request, ServerCallContext context)
    {
        AccessChecks.RequireNamed(context, request.Name, ResourceNames.Allocation, "name", AccessChecks.RequirePlanner);
        return await runs.GetAllocationAsync(ResourcePattern.Ancestor(request.Name, 1), context.CancellationToken)
            ?? throw RpcErrors.NotFound(request.Name, "scheduler.sto/Allocation");
    }

    public override async Task<CompareAllocationRunsResponse> CompareAllocationRuns(CompareAllocationRunsRequest request, ServerCallContext context)
    {
        var missing = new FieldViolations();
        ResourceNames.CheckPresent(request.BaseAllocationRun, ResourceNames.AllocationRun, "base_allocation_run", missing);
        ResourceNames.CheckPresent(request.AllocationRun, ResourceNames.AllocationRun, "allocation_run", missing);
        missing.ThrowIfAny();
        AccessChecks.RequirePlanner(context, request.BaseAllocationRun);
        AccessChecks.RequirePlanner(context, request.AllocationRun);
        var violations = new FieldViolations();
        ResourceNames.Check(request.BaseAllocationRun, ResourceNames.AllocationRun, "base_allocation_run", violations);
        ResourceNames.Check(request.AllocationRun, ResourceNames.AllocationRun, "allocation_run", violations);
        violations.ThrowIfAny();
        var baseRun = await runs.GetAsync(request.BaseAllocationRun, context.CancellationToken) ?? throw RpcErrors.NotFound(request.BaseAllocationRun, RunType);
        var run = await runs.GetAsync(request.AllocationRun, context.CancellationToken) ?? throw RpcErrors.NotFound(request.AllocationRun, RunType);
        var baseAllocation = await runs.GetAllocationAsync(baseRun.Name, context.CancellationToken);
        var allocation = await runs.GetAllocationAsync(run.Name, context.CancellationToken);
        if (baseAllocation is null || allocation is null)
        {
            throw RpcErrors.FailedPrecondition(baseAllocation is null ? baseRun.Name : run.Name, ErrorReasons.RunNotSucceeded,
                "Both runs need an allocation to be compared.");
        }

        return AllocationRunMapping.Compare(baseRun, baseAllocation, run, allocation);
    }

    public override async Task<AllocationRun> ReplanAllocationRun(ReplanAllocationRunRequest request, ServerCallContext context)
    {
        ResourceNames.RequirePresent(request.Name, ResourceNames.AllocationRun, "name");
        AccessChecks.RequirePlanner(context, request.Name);
        var violations = new FieldViolations();
        ResourceNames.Check(request.Name, ResourceNames.AllocationRun, "name", violations);
        var id = request.AllocationRunId.Length > 0 ? request.AllocationRunId : $"run-{Guid.NewGuid():N}"[..16];
        if (!ResourcePattern.IsValidId(id))
        {
            violations.Add("allocation_run_id", "1-63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit.");
        }

        ReplanMapping.Check(request.Disruptions, request.Name, "disruptions", violations);
        AllocationRunMapping.CheckSettings(request.Settings, "settings", violations);
        var settings = request.Settings?.Clone();
        violations.ThrowIfAny();

        var requestKey = StandardMethods.RequestKey(context, RunType + ":replan", request.RequestId);
        if (requestKey is not null && await resources.FindRequestAsync(requestKey, context.CancellationToken) is { } earlier
            && await runs.GetAsync(earlier, context.CancellationToken) is { } replay)
        {
            return replay;
        }

        var baseRun = await runs.GetAsync(request.Name, context.CancellationToken) ?? throw RpcErrors.NotFound(request.Name, RunType);
        if (!baseRun.Published)
        {
            throw RpcErrors.FailedPrecondition(request.Name, ErrorReasons.RunNotPublished, $"Only the published run can be re-planned; '{request.Name}' is not published.");
        }

        var replan = await replanInputs.BuildAsync(request.Name, request.Disruptions, context.CancellationToken)
            ?? throw RpcErrors.FailedPrecondition(request.Name, ErrorReasons.RunNotSucceeded, $"Run '{request.Name}' has no stored allocation to re-plan.");
        UnknownAddedPupils(request.Disruptions, replan).ThrowIfAny();
        RpcErrors.ThrowIfInvalid(ProblemChecks.Validate(DisruptionApplier.Apply(replan.Problem, replan.Disruptions)), "problem");
        var run = new AllocationRun
        {
            DisplayName = $"Re-plan of {ResourcePattern.IdOf(request.Name)}",
            Weeks = { baseRun.Weeks },
            Settings = settings ?? baseRun.Settings,
            ReplanOf = request.Name,
            Disruptions = { request.Disruptions },
        };
        if (request.ValidateOnly)
        {
            return run;
        }

        var subregion = AccessChecks.SubregionOf(request.Name);
        var name = $"{subregion}/allocationRuns/{id}";
        var log = requestKey is null ? null : new RequestLogRecord { Key = requestKey, ResourceName = name, CreateTimeMs = time.GetUtcNow().ToUnixTimeMilliseconds() };
        return await runs.CreateAsync(name, subregion, run, log, context.CancellationToken);
    }

    public override async Task<AllocationDiff> GetAllocationDiff(GetAllocationDiffRequest request, ServerCallContext context)
    {
        AccessChecks.RequireNamed(context, request.Name, ResourceNames.AllocationRun, "name", AccessChecks.RequirePlanner);
        var run = await runs.GetAsync(request.Name, context.CancellationToken) ?? throw RpcErrors.NotFound(request.Name, RunType);
        if (run.ReplanOf.Length == 0)
        {
            throw RpcErrors.FailedPrecondition(request.Name, ErrorReasons.NotAReplan, $"Run '{request.Name}' is not a re-plan; compare runs with CompareAllocationRuns.");
        }

        return await runs.GetDiffAsync(request.Name, context.CancellationToken) is { } diff
            ? ProtoJson.Read<AllocationDiff>(diff)
            : throw RpcErrors.FailedPrecondition(request.Name, ErrorReasons.RunNotSucceeded, $"Re-plan '{request.Name}' has no allocation yet ({StateName(run.State)}).");
    }

    public override async Task<PupilPlacementExplanation> ExplainPupilPlacement(ExplainPupilPlacementRequest request, ServerCallContext context)
    {
        var missing = new FieldViolations();
        ResourceNames.CheckPresent(request.Name, ResourceNames.AllocationRun, "name", missing);
        ResourceNames.CheckPresent(request.Pupil, ResourceNames.Pupil, "pupil", missing);
        missing.ThrowIfAny();
        var caller = AccessChecks.RequirePlacementReader(context, request.Name, request.Pupil);
        var violations = new FieldViolations();
        ResourceNames.Check(request.Name, ResourceNames.AllocationRun, "name", violations);
        ResourceNames.Check(request.Pupil, ResourceNames.Pupil, "pupil", violations);
        violations.ThrowIfAny();
        var run = await runs.GetAsync(request.Name, context.CancellationToken);
        if (caller.Role == Roles.App && run is not { Published: true })
        {
            throw RpcErrors.PermissionDenied(request.Name);
        }

        var (problem, allocation) = await LoadSnapshotAsync(run, request.Name, context.CancellationToken);
        if (!problem.Pupils.Any(p => p.Id.Value == request.Pupil))
        {
            throw RpcErrors.NotFound(request.Pupil, "scheduler.sto/Pupil");
        }

        return ExplanationMapping.ToProto(PlacementExplainer.Explain(problem, allocation, new Engine.Domain.PupilId(request.Pupil)), request.Name);
    }

    public override async Task<DiagnoseAllocationRunResponse> DiagnoseAllocationRun(DiagnoseAllocationRunRequest request, ServerCallContext context)
    {
        AccessChecks.RequireNamed(context, request.Name, ResourceNames.AllocationRun, "name", AccessChecks.RequirePlanner);
        var run = await runs.GetAsync(request.Name, context.CancellationToken);
        var (problem, allocation) = await LoadSnapshotAsync(run, request.Name, context.CancellationToken);
        var report = CoreDiagnosis.Diagnose(problem, allocation, DiagnosisSettings.Default, context.CancellationToken);
        return new DiagnoseAllocationRunResponse
        {
            AllocationRun = request.Name,
            Findings = { RunDiagnosis.Diagnose(problem, allocation).Select(ExplanationMapping.ToProto) },
            Fairness = ExplanationMapping.ToProto(FairnessReport.Calculate(problem, allocation)),
            Cases = { report.Cases.Select(ExplanationMapping.ToProto) },
            PupilsLeftOutCount = report.PupilsLeftOut,
            OffersClosedCount = report.OffersClosed,
            UndiagnosedCount = report.SubjectsNotDiagnosed,
        };
    }

    /// <summary>The problem and allocation the run was solved with; NOT_FOUND or FAILED_PRECONDITION when there are none.</summary>
    private async Task<(Engine.Domain.SchedulingProblem Problem, Engine.Domain.Allocation Allocation)> LoadSnapshotAsync(
        AllocationRun? run, string name, CancellationToken cancellationToken)
    {
        if (run is null)
        {
            throw RpcErrors.NotFound(name, RunType);
        }

        var snapshot = await runs.GetSnapshotAsync(name, cancellationToken)
            ?? throw RpcErrors.FailedPrecondition(name, ErrorReasons.RunNotSucceeded, $"Run '{name}' has no allocation ({StateName(run.State)}).");
        return (ProblemJson.Deserialize(snapshot.Problem), ProblemJson.DeserializeAllocation(snapshot.Allocation));
    }

    /// <summary>A pupil to add must be stored in the subregion; the mapping leaves unknown ones out, so name them here.</summary>
    private static FieldViolations UnknownAddedPupils(IReadOnlyList<Disruption> disruptions, Engine.Replanning.ReplanRequest replan)
    {
        var violations = new FieldViolations();
        var added = replan.Disruptions.OfType<Engine.Replanning.Disruption.PupilAdded>().Select(d => d.Pupil.Id.Value).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < disruptions.Count; i++)
        {
            if (disruptions[i].KindCase == Disruption.KindOneofCase.PupilAdded && !added.Contains(disruptions[i].PupilAdded.Pupil))
            {
                violations.Add($"disruptions[{i}].pupil_added.pupil", $"No pupil '{disruptions[i].PupilAdded.Pupil}' exists in this subregion.");
            }
        }

        return violations;
    }
}
