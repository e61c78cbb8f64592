using Grpc.Core;
using Grpc.Health.V1;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Grpc.Tests.Support;
using static Sto.Scheduler.Grpc.Tests.Support.TestData;
using State = Sto.Scheduler.Api.V1.AllocationRun.Types.State;

namespace Sto.Scheduler.Grpc.Tests.Services;

public sealed class AllocationServiceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_run_goes_from_queued_to_succeeded_and_its_watch_ends_with_the_result()
    {
        await using var app = new SchedulerAppFactory();
        await SeedAsync(app);
        var runs = new AllocationService.AllocationServiceClient(app.Channel);

        var created = await runs.CreateAllocationRunAsync(
            new CreateAllocationRunRequest { Parent = SubregionName, AllocationRunId = "eerste", AllocationRun = new AllocationRun() }, app.Planner());
        var final = await WatchToEndAsync(app, runs, created.Name);
        var allocation = await runs.GetAllocationAsync(new GetAllocationRequest { Name = created.Name + "/allocation" }, app.Planner());

        Assert.Equal(State.Queued, created.State);
        Assert.Equal(State.Succeeded, final.State);
        Assert.Equal(2, final.Quality.PlacedCount);
        Assert.Equal(SolveStatus.Optimal, final.SolveStatus);
        Assert.Equal(1, final.AttemptCount);
        Assert.Equal(2, allocation.Placements.Count);
        Assert.All(allocation.Placements, p => Assert.Equal(Offer, p.ElectiveOffer));
    }

    [Fact]
    public async Task Only_the_subregions_planners_may_touch_runs()
    {
        await using var app = new SchedulerAppFactory();
        await SeedAsync(app);
        var runs = new AllocationService.AllocationServiceClient(app.Channel);
        var request = new CreateAllocationRunRequest { Parent = SubregionName, AllocationRun = new AllocationRun() };

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, runs.CreateAllocationRunAsync(request, app.Coordinator()));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, runs.CreateAllocationRunAsync(request, app.Planner("regions/oost/subregions/d")));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, runs.ListAllocationRunsAsync(new ListAllocationRunsRequest { Parent = SubregionName }, app.App(PupilA)));
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, runs.ListAllocationRunsAsync(new ListAllocationRunsRequest { Parent = SubregionName }));
    }

    [Fact]
    public async Task CreateAllocationRun_rejects_weeks_outside_the_subregion_and_bad_settings()
    {
        await using var app = new SchedulerAppFactory();
        await SeedAsync(app);
        var run = new AllocationRun { Weeks = { "2026-W14", "2026-W30", "week 3" }, Settings = new RunSettings { TimeLimit = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromHours(2)) } };

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, new AllocationService.AllocationServiceClient(app.Channel)
            .CreateAllocationRunAsync(new CreateAllocationRunRequest { Parent = SubregionName, AllocationRun = run }, app.Planner()));

        Assert.Contains("allocation_run.weeks[2]", RpcAssert.Fields(error));
        Assert.Contains("allocation_run.settings.time_limit", RpcAssert.Fields(error));
    }

    [Fact]
    public async Task A_request_id_makes_run_creation_idempotent()
    {
        await using var app = new SchedulerAppFactory();
        await SeedAsync(app);
        var runs = new AllocationService.AllocationServiceClient(app.Channel);
        var request = new CreateAllocationRunRequest { Parent = SubregionName, AllocationRun = new AllocationRun(), RequestId = Guid.NewGuid().ToString() };

        var first = await runs.CreateAllocationRunAsync(request, app.Planner());
        var second = await runs.CreateAllocationRunAsync(request, app.Planner());
        var list = await runs.ListAllocationRunsAsync(new ListAllocationRunsRequest { Parent = SubregionName }, app.Planner());

        Assert.Equal(first.Name, second.Name);
        Assert.Single(list.AllocationRuns);
    }

    [Fact]
    public async Task Cancelling_a_running_run_stops_the_search_and_keeps_its_best_allocation()
    {
        await using var app = new SchedulerAppFactory();
        app.FakeEngine.HoldUntilCancelled = true;
        await SeedAsync(app);
        var runs = new AllocationService.AllocationServiceClient(app.Channel);
        var created = await runs.CreateAllocationRunAsync(new CreateAllocationRunRequest { Parent = SubregionName, AllocationRun = new AllocationRun() }, app.Planner());

        using var watch = runs.WatchAllocationRun(new WatchAllocationRunRequest { Name = created.Name }, app.Planner().WithDeadline(DateTime.UtcNow + Patience));
        var seenRunningWithProgress = false;
        AllocationRun last = created;
        AllocationRun? cancelled = null;
        await foreach (var update in watch.ResponseStream.ReadAllAsync())
        {
            last = update;
            if (update.State == State.Running && update.Progress?.Tier == "placement" && !seenRunningWithProgress)
            {
                seenRunningWithProgress = true;
                cancelled = await runs.CancelAllocationRunAsync(new CancelAllocationRunRequest { Name = created.Name }, app.Planner());
            }
        }

        var again = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            runs.CancelAllocationRunAsync(new CancelAllocationRunRequest { Name = created.Name }, app.Planner()));
        var publish = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            runs.PublishAllocationRunAsync(new PublishAllocationRunRequest { Name = created.Name }, app.Planner()));

        Assert.True(seenRunningWithProgress);
        // api.md F5: the answer to the cancel is the run after its search stopped, not the still-running run.
        Assert.Equal(State.Cancelled, cancelled?.State);
        Assert.True(cancelled!.Progress.Final);
        Assert.Equal(State.Cancelled, last.State);
        Assert.Equal(SolveStatus.Stopped, last.SolveStatus);
        Assert.Equal("RUN_FINISHED", RpcAssert.Reason(again));
        Assert.Equal("RUN_NOT_SUCCEEDED", RpcAssert.Reason(publish));
    }

    [Fact]
    public async Task A_published_run_is_what_the_pupil_app_sees_and_nothing_else()
    {
        await using var app = new SchedulerAppFactory();
        await SeedAsync(app);
        var runs = new AllocationService.AllocationServiceClient(app.Channel);
        var schedules = new PupilScheduleService.PupilScheduleServiceClient(app.Channel);
        var scheduleName = PupilB + "/schedule";

        var before = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            schedules.GetPupilScheduleAsync(new GetPupilScheduleRequest { Name = scheduleName }, app.App(PupilB)));
        var created = await runs.CreateAllocationRunAsync(new CreateAllocationRunRequest { Parent = SubregionName, AllocationRun = new AllocationRun() }, app.Planner());
        await WatchToEndAsync(app, runs, created.Name);
        var published = await runs.PublishAllocationRunAsync(new PublishAllocationRunRequest { Name = created.Name }, app.Planner());
        var week = await schedules.GetPupilScheduleAsync(new GetPupilScheduleRequest { Name = scheduleName, StartWeek = "2026-W15" }, app.App(PupilB));
        var all = await schedules.GetPupilScheduleAsync(new GetPupilScheduleRequest { Name = scheduleName }, app.App(SubregionName));

        Assert.Equal("NOTHING_PUBLISHED", RpcAssert.Reason(before));
        Assert.True(published.Published);
        var entry = Assert.Single(week.Entries);
        Assert.Equal("2026-W15", entry.Week);
        Assert.Equal("Booglasprocessen", entry.ElectiveName);
        Assert.Equal("Techlab Noord", entry.VenueName);
        Assert.Equal("Labweg 2, Enschede", entry.VenueAddress);
        Assert.Equal(13, entry.StartTime.Hours);
        Assert.Equal(TravelMode.Bike, entry.TravelMode);
        Assert.Equal(["Dhr. De Vries"], entry.StaffNames);
        Assert.Equal(new Google.Type.Date { Year = 2026, Month = 4, Day = 7 }, entry.Date);
        Assert.Equal(3, all.Entries.Count);
        Assert.Equal(created.Name, all.AllocationRun);

        // An allowed caller asking for a pupil who does not exist learns exactly that (not an empty schedule).
        await RpcAssert.FailsWith(StatusCode.NotFound,
            schedules.GetPupilScheduleAsync(new GetPupilScheduleRequest { Name = SchoolA + "/pupils/bestaat-niet/schedule" }, app.App(SubregionName)));
    }

    [Fact]
    public async Task Pupil_tokens_read_only_their_own_schedule_without_learning_who_exists()
    {
        await using var app = new SchedulerAppFactory();
        await SeedAsync(app);
        var schedules = new PupilScheduleService.PupilScheduleServiceClient(app.Channel);

        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            schedules.GetPupilScheduleAsync(new GetPupilScheduleRequest { Name = PupilA + "/schedule" }, app.App(PupilB)));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            schedules.GetPupilScheduleAsync(new GetPupilScheduleRequest { Name = SchoolA + "/pupils/bestaat-niet/schedule" }, app.App(PupilB)));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            schedules.GetPupilScheduleAsync(new GetPupilScheduleRequest { Name = "garbage" }, app.App(PupilB)));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            schedules.GetPupilScheduleAsync(new GetPupilScheduleRequest { Name = PupilB + "/schedule" }, app.Coordinator(SchoolA)));
        var badWeek = await RpcAssert.FailsWith(StatusCode.InvalidArgument,
            schedules.GetPupilScheduleAsync(new GetPupilScheduleRequest { Name = PupilB + "/schedule", StartWeek = "2026-W16", EndWeek = "2026-W14" }, app.App(PupilB)));

        Assert.Equal(["end_week"], RpcAssert.Fields(badWeek));
    }

    [Fact]
    public async Task Export_returns_an_icalendar_event_per_afternoon_and_watch_sends_the_current_schedule()
    {
        await using var app = new SchedulerAppFactory();
        await SeedAsync(app);
        var runs = new AllocationService.AllocationServiceClient(app.Channel);
        var schedules = new PupilScheduleService.PupilScheduleServiceClient(app.Channel);
        var created = await runs.CreateAllocationRunAsync(new CreateAllocationRunRequest { Parent = SubregionName, AllocationRun = new AllocationRun() }, app.Planner());
        await WatchToEndAsync(app, runs, created.Name);
        await runs.PublishAllocationRunAsync(new PublishAllocationRunRequest { Name = created.Name }, app.Planner());

        var export = await schedules.ExportPupilScheduleAsync(new ExportPupilScheduleRequest { Name = PupilA + "/schedule" }, app.App(PupilA));
        using var cancel = new CancellationTokenSource(Patience);
        using var watch = schedules.WatchPupilSchedule(new WatchPupilScheduleRequest { Name = PupilA + "/schedule" }, app.App(PupilA).WithCancellationToken(cancel.Token));
        Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
        var first = watch.ResponseStream.Current;
        await cancel.CancelAsync();

        Assert.Equal("text/calendar", export.ContentType);
        Assert.Equal(3, export.Ics.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains("DTSTART;TZID=Europe/Amsterdam:20260407T133000", export.Ics, StringComparison.Ordinal);
        Assert.Equal(TravelMode.OnSite, first.Entries[0].TravelMode);
        Assert.Equal(3, first.Entries.Count);
    }

    [Fact]
    public async Task Comparing_two_runs_lists_the_pupils_whose_placement_changed()
    {
        await using var app = new SchedulerAppFactory();
        await SeedAsync(app);
        var runs = new AllocationService.AllocationServiceClient(app.Channel);
        var first = await runs.CreateAllocationRunAsync(new CreateAllocationRunRequest { Parent = SubregionName, AllocationRun = new AllocationRun() }, app.Planner());
        await WatchToEndAsync(app, runs, first.Name);
        await new PupilService.PupilServiceClient(app.Channel).UpdatePupilAsync(
            new UpdatePupilRequest { Pupil = NewPupil(PupilB), UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "choices" } } }, app.Coordinator(SchoolB));
        var second = await runs.CreateAllocationRunAsync(new CreateAllocationRunRequest { Parent = SubregionName, AllocationRun = new AllocationRun() }, app.Planner());
        await WatchToEndAsync(app, runs, second.Name);

        var comparison = await runs.CompareAllocationRunsAsync(
            new CompareAllocationRunsRequest { BaseAllocationRun = first.Name, AllocationRun = second.Name }, app.Planner());

        Assert.Equal(1, comparison.UnchangedPupilCount);
        var change = Assert.Single(comparison.Changes);
        Assert.Equal(PupilB, change.Pupil);
        Assert.Equal([Offer], change.BaseElectiveOffers);
        Assert.Empty(change.ElectiveOffers);
    }

    [Fact]
    public async Task Health_is_served_without_a_token()
    {
        await using var app = new SchedulerAppFactory();

        var response = await new Health.HealthClient(app.Channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task A_run_that_is_no_longer_published_keeps_its_publish_time()
    {
        await using var app = new SchedulerAppFactory();
        await SeedAsync(app);
        var runs = new AllocationService.AllocationServiceClient(app.Channel);
        var first = await runs.CreateAllocationRunAsync(new CreateAllocationRunRequest { Parent = SubregionName, AllocationRunId = "eerste", AllocationRun = new AllocationRun() }, app.Planner());
        var second = await runs.CreateAllocationRunAsync(new CreateAllocationRunRequest { Parent = SubregionName, AllocationRunId = "tweede", AllocationRun = new AllocationRun() }, app.Planner());
        await WatchToEndAsync(app, runs, first.Name);
        await WatchToEndAsync(app, runs, second.Name);

        var published = await runs.PublishAllocationRunAsync(new PublishAllocationRunRequest { Name = first.Name }, app.Planner());
        await runs.PublishAllocationRunAsync(new PublishAllocationRunRequest { Name = second.Name }, app.Planner());
        var before = await runs.GetAllocationRunAsync(new GetAllocationRunRequest { Name = first.Name }, app.Planner());
        var never = await runs.CreateAllocationRunAsync(new CreateAllocationRunRequest { Parent = SubregionName, AllocationRunId = "derde", AllocationRun = new AllocationRun() }, app.Planner());

        // api.md F8: publish_time says when it was published, `published` whether it still is.
        Assert.False(before.Published);
        Assert.Equal(published.PublishTime, before.PublishTime);
        Assert.Null(never.PublishTime);
    }

    [Fact]
    public async Task A_finished_run_keeps_a_final_progress_report()
    {
        await using var app = new SchedulerAppFactory();
        await SeedAsync(app);
        var runs = new AllocationService.AllocationServiceClient(app.Channel);

        var created = await runs.CreateAllocationRunAsync(new CreateAllocationRunRequest { Parent = SubregionName, AllocationRun = new AllocationRun() }, app.Planner());
        var final = await WatchToEndAsync(app, runs, created.Name);

        Assert.Equal(State.Succeeded, final.State);
        Assert.True(final.Progress.Final);
        Assert.InRange(final.Progress.Gap, 0, 1);
    }

    [Fact]
    public async Task Failed_precondition_messages_use_the_proto_state_names()
    {
        await using var app = new SchedulerAppFactory();
        await SeedAsync(app);
        var runs = new AllocationService.AllocationServiceClient(app.Channel);
        var created = await runs.CreateAllocationRunAsync(new CreateAllocationRunRequest { Parent = SubregionName, AllocationRun = new AllocationRun() }, app.Planner());
        await WatchToEndAsync(app, runs, created.Name);

        var again = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            runs.CancelAllocationRunAsync(new CancelAllocationRunRequest { Name = created.Name }, app.Planner()));

        Assert.Contains("(STATE_SUCCEEDED)", again.Status.Detail, StringComparison.Ordinal);
    }

    internal static async Task<AllocationRun> WatchToEndAsync(SchedulerAppFactory app, AllocationService.AllocationServiceClient runs, string name)
    {
        using var watch = runs.WatchAllocationRun(new WatchAllocationRunRequest { Name = name }, app.Planner().WithDeadline(DateTime.UtcNow + Patience));
        AllocationRun? last = null;
        await foreach (var update in watch.ResponseStream.ReadAllAsync())
        {
            last = update;
        }

        return last ?? throw new InvalidOperationException("The watch sent nothing.");
    }
}
