using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Grpc.Auth;
using Sto.Scheduler.Grpc.Errors;
using Sto.Scheduler.Grpc.Hosting;
using Sto.Scheduler.Grpc.Mapping;
using Sto.Scheduler.Grpc.Persistence;

namespace Sto.Scheduler.Grpc.Services;

/// <summary>What the pupil app reads: a pupil's schedule from the subregion's published run.</summary>
[Authorize]
public sealed class PupilScheduleGrpcService(
    AllocationRunStore runs, ResourceStore resources, TimeProvider time, IOptions<SolverOptions> options, IHostApplicationLifetime lifetime)
    : PupilScheduleService.PupilScheduleServiceBase
{
    public override async Task<PupilSchedule> GetPupilSchedule(GetPupilScheduleRequest request, ServerCallContext context)
    {
        var (start, end) = CheckRequest(context, request.Name, request.StartWeek, request.EndWeek);
        var published = await runs.GetPublishedAsync(AccessChecks.SubregionOf(request.Name), context.CancellationToken)
            ?? throw NothingPublished(request.Name);
        return await LoadAsync(request.Name, published, start, end, context.CancellationToken);
    }

    public override async Task WatchPupilSchedule(
        WatchPupilScheduleRequest request, IServerStreamWriter<PupilSchedule> responseStream, ServerCallContext context)
    {
        var (start, end) = CheckRequest(context, request.Name, request.StartWeek, request.EndWeek);
        var subregion = AccessChecks.SubregionOf(request.Name);
        using var watch = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        var seen = "";
        PupilSchedule? sent = null;
        while (!context.CancellationToken.IsCancellationRequested)
        {
            if (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                throw new RpcException(new Status(StatusCode.Unavailable, "The server is shutting down; watch again by name."));
            }

            var published = await runs.GetPublishedAsync(subregion, context.CancellationToken);
            var version = published is null ? "-" : $"{published.Name}@{published.PublishTime}";
            if (version != seen)
            {
                seen = version;
                var schedule = published is null
                    ? new PupilSchedule { Name = request.Name }
                    : await LoadAsync(request.Name, published, start, end, context.CancellationToken);

                // A newly published run (a re-plan) reaches only the pupils whose afternoons actually changed.
                if (sent is null || !PupilScheduleMapping.SameContent(sent, schedule))
                {
                    await responseStream.WriteAsync(schedule, context.CancellationToken);
                    sent = schedule;
                }
            }

            await Task.Delay(options.Value.WatchInterval, watch.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public override async Task<ExportPupilScheduleResponse> ExportPupilSchedule(ExportPupilScheduleRequest request, ServerCallContext context)
    {
        var schedule = await GetPupilSchedule(
            new GetPupilScheduleRequest { Name = request.Name, StartWeek = request.StartWeek, EndWeek = request.EndWeek }, context);
        return new ExportPupilScheduleResponse
        {
            ContentType = "text/calendar",
            Ics = ICalendarMapping.ToICalendar(schedule, schedule.PublishTime?.ToDateTimeOffset() ?? time.GetUtcNow()),
        };
    }

    private static (string Start, string End) CheckRequest(ServerCallContext context, string name, string startWeek, string endWeek)
    {
        ResourceNames.RequirePresent(name, ResourceNames.PupilSchedule, "name");
        AccessChecks.RequireScheduleReader(context, name);
        var violations = new FieldViolations();
        ResourceNames.Check(name, ResourceNames.PupilSchedule, "name", violations);
        var before = violations.Count;
        var start = startWeek.ToUpperInvariant();
        var end = endWeek.Length == 0 ? start : endWeek.ToUpperInvariant();
        if (start.Length > 0)
        {
            Conversions.CheckWeek(start, "start_week", violations);
        }

        if (endWeek.Length > 0)
        {
            Conversions.CheckWeek(end, "end_week", violations);
        }

        if (violations.Count == before && start.Length > 0 && end.Length > 0 && string.CompareOrdinal(start, end) > 0)
        {
            violations.Add("end_week", "Must not be before start_week.");
        }

        violations.ThrowIfAny();
        return (start, end);
    }

    private async Task<PupilSchedule> LoadAsync(string name, AllocationRun published, string start, string end, CancellationToken cancellationToken)
    {
        var pupil = ResourcePattern.Ancestor(name, 1);
        var stored = await runs.GetScheduleAsync(published.Name, pupil, cancellationToken);
        if (stored is null)
        {
            // Access was checked first, so NOT_FOUND here only tells an allowed caller that the pupil does not exist.
            if (await resources.GetAsync<Pupil>(pupil, cancellationToken) is null)
            {
                throw RpcErrors.NotFound(pupil, "scheduler.sto/Pupil");
            }

            stored = new PupilSchedule { Name = name, AllocationRun = published.Name };
        }

        var schedule = PupilScheduleMapping.Slice(stored, start, end);
        schedule.PublishTime = published.PublishTime;
        return schedule;
    }

    private static RpcException NothingPublished(string name) =>
        RpcErrors.FailedPrecondition(AccessChecks.SubregionOf(name), ErrorReasons.NothingPublished,
            "No allocation run of this subregion is published yet.");
}
