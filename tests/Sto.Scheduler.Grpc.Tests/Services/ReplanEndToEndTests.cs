using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Grpc.Tests.Support;
using static Sto.Scheduler.Grpc.Tests.Support.TestData;
using State = Sto.Scheduler.Api.V1.AllocationRun.Types.State;

namespace Sto.Scheduler.Grpc.Tests.Services;

/// <summary>
/// ISSUE 4 end to end with the real Engine on a tiny subregion (2 pupils, 2 offers, 2 weeks): publish → a docent
/// falls ill → re-plan → diff → publish the re-plan → only the moved pupil's schedule watch fires → explain → diagnose.
/// </summary>
public sealed class ReplanEndToEndTests
{
    public const string Solderen = SchoolA + "/electiveOffers/solderen";
    public const string DeVries = SchoolA + "/staffMembers/de-vries";
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task A_replan_moves_only_the_pupil_whose_elective_lost_its_docent_and_only_that_pupil_is_notified()
    {
        await using var app = new SchedulerAppFactory { UseFakeEngine = false };
        await SeedTwoOffersAsync(app);
        var runs = new AllocationService.AllocationServiceClient(app.Channel);
        var schedules = new PupilScheduleService.PupilScheduleServiceClient(app.Channel);
        var settings = new RunSettings { TimeLimit = Duration.FromTimeSpan(TimeSpan.FromSeconds(5)) };

        var first = await runs.CreateAllocationRunAsync(new CreateAllocationRunRequest
        {
            Parent = SubregionName, AllocationRunId = "eerste", AllocationRun = new AllocationRun { Weeks = { "2026-W14", "2026-W15" }, Settings = settings },
        }, app.Planner());
        var solved = await AllocationServiceTests.WatchToEndAsync(app, runs, first.Name);
        Assert.True(solved.State == State.Succeeded, solved.Error?.ToString());
        Assert.Equal(1.0, solved.Quality.Fairness.FirstChoiceRate);
        Assert.Equal(0, solved.Quality.Fairness.JustifiedEnvyCount);
        await runs.PublishAllocationRunAsync(new PublishAllocationRunRequest { Name = first.Name }, app.Planner());

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var watchA = schedules.WatchPupilSchedule(new WatchPupilScheduleRequest { Name = PupilA + "/schedule" }, app.App(PupilA).WithCancellationToken(cancel.Token));
        using var watchB = schedules.WatchPupilSchedule(new WatchPupilScheduleRequest { Name = PupilB + "/schedule" }, app.App(PupilB).WithCancellationToken(cancel.Token));
        Assert.True(await watchA.ResponseStream.MoveNext(cancel.Token));
        Assert.True(await watchB.ResponseStream.MoveNext(cancel.Token));
        Assert.Equal(Offer, watchA.ResponseStream.Current.Entries[0].ElectiveOffer);

        var replan = await runs.ReplanAllocationRunAsync(new ReplanAllocationRunRequest
        {
            Name = first.Name, AllocationRunId = "herplan", Settings = settings,
            Disruptions = { new Disruption { StaffUnavailable = new Disruption.Types.StaffUnavailable { StaffMember = DeVries, Weeks = { "2026-W15" } } } },
        }, app.Planner());
        Assert.Equal(State.Queued, replan.State);
        Assert.Equal(first.Name, replan.ReplanOf);
        var replanned = await AllocationServiceTests.WatchToEndAsync(app, runs, replan.Name);
        Assert.True(replanned.State == State.Succeeded, replanned.Error?.ToString());

        var diff = await runs.GetAllocationDiffAsync(new GetAllocationDiffRequest { Name = replan.Name }, app.Planner());
        var move = Assert.Single(diff.PupilMoves);
        Assert.Equal((PupilA, Offer, Solderen), (move.Pupil, move.FromElectiveOffer, move.ToElectiveOffer));
        Assert.False(string.IsNullOrEmpty(move.Reason));
        Assert.Equal(1, diff.MovedPupilCount);
        Assert.Equal(diff.MovedPupilCount, diff.UnavoidableMoveCount);
        Assert.Equal((1, 1), (replanned.MovedPupilCount, replanned.UnavoidableMoveCount));
        Assert.Contains(diff.StaffChanges, c => c.RemovedStaffMembers.Contains(DeVries));

        await runs.PublishAllocationRunAsync(new PublishAllocationRunRequest { Name = replan.Name }, app.Planner());
        Assert.True(await watchA.ResponseStream.MoveNext(cancel.Token));
        Assert.Equal(Solderen, watchA.ResponseStream.Current.Entries[0].ElectiveOffer);
        Assert.Equal(replan.Name, watchA.ResponseStream.Current.AllocationRun);
        using (var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancel.Token))
        {
            quiet.CancelAfter(Quiet);
            var nothingForB = await Record.ExceptionAsync(() => watchB.ResponseStream.MoveNext(quiet.Token));
            Assert.True(nothingForB is RpcException { StatusCode: StatusCode.Cancelled } or OperationCanceledException, $"pupil B was notified: {watchB.ResponseStream.Current}");
        }

        var explanation = await runs.ExplainPupilPlacementAsync(new ExplainPupilPlacementRequest { Name = replan.Name, Pupil = PupilA }, app.App(PupilA));
        Assert.Equal(Solderen, explanation.GrantedElectiveOffer);
        Assert.Equal(ChoiceVerdict.Types.Outcome.BetterChoiceBlocked, explanation.Choices[0].Outcome);
        Assert.NotEmpty(explanation.Choices[0].Reasons);
        Assert.Contains("2026-W15", explanation.Text, StringComparison.Ordinal);

        var diagnosis = await runs.DiagnoseAllocationRunAsync(new DiagnoseAllocationRunRequest { Name = replan.Name }, app.Planner());
        Assert.Equal(0.5, diagnosis.Fairness.FirstChoiceRate);
        Assert.All(diagnosis.Findings, f => Assert.False(string.IsNullOrEmpty(f.Text)));
        var closed = Assert.Single(diagnosis.Cases);
        Assert.Equal((DiagnosisCase.Types.SubjectKind.OfferClosed, Offer, DiagnosisCase.Types.Status.MinimalReasons), (closed.SubjectKind, closed.Subject, closed.Status));
        var staff = Assert.Single(closed.Reasons);
        Assert.Equal("no-staff-in-week", staff.Code);
        Assert.Contains(staff.Facts, f => f.Key == "week" && f.Value == "2026-W15");
        Assert.Contains("2026-W15", closed.Text, StringComparison.Ordinal);
        Assert.Equal((0, 1, 0), (diagnosis.PupilsLeftOutCount, diagnosis.OffersClosedCount, diagnosis.UndiagnosedCount));
        await cancel.CancelAsync();
    }

    [Fact]
    public async Task A_published_replan_can_be_replanned_again_and_the_pupil_moved_the_first_time_stays()
    {
        await using var app = new SchedulerAppFactory { UseFakeEngine = false };
        await SeedTwoOffersAsync(app);
        var runs = new AllocationService.AllocationServiceClient(app.Channel);
        var settings = new RunSettings { TimeLimit = Duration.FromTimeSpan(TimeSpan.FromSeconds(5)) };
        var first = await runs.CreateAllocationRunAsync(new CreateAllocationRunRequest
        {
            Parent = SubregionName, AllocationRunId = "eerste", AllocationRun = new AllocationRun { Weeks = { "2026-W14", "2026-W15" }, Settings = settings },
        }, app.Planner());
        await AllocationServiceTests.WatchToEndAsync(app, runs, first.Name);
        await runs.PublishAllocationRunAsync(new PublishAllocationRunRequest { Name = first.Name }, app.Planner());
        var replan = await runs.ReplanAllocationRunAsync(new ReplanAllocationRunRequest
        {
            Name = first.Name, AllocationRunId = "herplan", Settings = settings,
            Disruptions = { new Disruption { StaffUnavailable = new Disruption.Types.StaffUnavailable { StaffMember = DeVries, Weeks = { "2026-W15" } } } },
        }, app.Planner());
        Assert.Equal(State.Succeeded, (await AllocationServiceTests.WatchToEndAsync(app, runs, replan.Name)).State);
        await runs.PublishAllocationRunAsync(new PublishAllocationRunRequest { Name = replan.Name }, app.Planner());

        var again = await runs.ReplanAllocationRunAsync(new ReplanAllocationRunRequest
        {
            Name = replan.Name, AllocationRunId = "herplan-2", Settings = settings,
            Disruptions = { new Disruption { PupilRemoved = new Disruption.Types.PupilRemoved { Pupil = PupilB } } },
        }, app.Planner());
        var done = await AllocationServiceTests.WatchToEndAsync(app, runs, again.Name);

        Assert.True(done.State == State.Succeeded, done.Error?.ToString());
        Assert.Equal(replan.Name, done.ReplanOf);
        var diff = await runs.GetAllocationDiffAsync(new GetAllocationDiffRequest { Name = again.Name }, app.Planner());
        Assert.Equal(replan.Name, diff.BaseAllocationRun);
        var removed = Assert.Single(diff.PupilMoves);
        Assert.Equal((PupilB, Solderen, "", "pupil-removed"), (removed.Pupil, removed.FromElectiveOffer, removed.ToElectiveOffer, removed.Reason));
        var allocation = await runs.GetAllocationAsync(new GetAllocationRequest { Name = again.Name + "/allocation" }, app.Planner());
        Assert.Contains(allocation.Placements, p => p.Pupil == PupilA && p.ElectiveOffer == Solderen);
    }

    [Fact]
    public async Task Only_the_published_run_can_be_replanned_and_a_plain_run_has_no_diff()
    {
        await using var app = new SchedulerAppFactory();
        await SeedAsync(app);
        var runs = new AllocationService.AllocationServiceClient(app.Channel);
        var created = await runs.CreateAllocationRunAsync(new CreateAllocationRunRequest { Parent = SubregionName, AllocationRun = new AllocationRun() }, app.Planner());
        await AllocationServiceTests.WatchToEndAsync(app, runs, created.Name);
        var disruption = new Disruption { OfferCancelled = new Disruption.Types.OfferCancelled { ElectiveOffer = Offer } };

        var notPublished = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            runs.ReplanAllocationRunAsync(new ReplanAllocationRunRequest { Name = created.Name, Disruptions = { disruption } }, app.Planner()));
        var noDiff = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            runs.GetAllocationDiffAsync(new GetAllocationDiffRequest { Name = created.Name }, app.Planner()));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            runs.ExplainPupilPlacementAsync(new ExplainPupilPlacementRequest { Name = created.Name, Pupil = PupilA }, app.App(PupilA)));

        Assert.Equal("RUN_NOT_PUBLISHED", RpcAssert.Reason(notPublished));
        Assert.Equal("NOT_A_REPLAN", RpcAssert.Reason(noDiff));
    }

    [Fact]
    public async Task A_pupil_to_add_who_is_not_stored_is_refused_by_field_and_no_run_is_created()
    {
        await using var app = new SchedulerAppFactory();
        await SeedAsync(app);
        var runs = new AllocationService.AllocationServiceClient(app.Channel);
        var created = await runs.CreateAllocationRunAsync(new CreateAllocationRunRequest { Parent = SubregionName, AllocationRun = new AllocationRun() }, app.Planner());
        await AllocationServiceTests.WatchToEndAsync(app, runs, created.Name);
        await runs.PublishAllocationRunAsync(new PublishAllocationRunRequest { Name = created.Name }, app.Planner());

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, runs.ReplanAllocationRunAsync(new ReplanAllocationRunRequest
        {
            Name = created.Name, AllocationRunId = "herplan",
            Disruptions = { new Disruption { PupilAdded = new Disruption.Types.PupilAdded { Pupil = SchoolA + "/pupils/nobody" } } },
        }, app.Planner()));
        var listed = await runs.ListAllocationRunsAsync(new ListAllocationRunsRequest { Parent = SubregionName }, app.Planner());

        Assert.Equal(["disruptions[0].pupil_added.pupil"], RpcAssert.Fields(error));
        Assert.DoesNotContain(listed.AllocationRuns, r => r.Name.EndsWith("/herplan", StringComparison.Ordinal));
    }

    /// <summary>The test subregion plus a second offer ("solderen", its own docent) that both pupils rank: A prefers booglas, B solderen.</summary>
    internal static async Task SeedTwoOffersAsync(SchedulerAppFactory app)
    {
        await SeedAsync(app);
        var solderen = NewOffer();
        solderen.ElectiveCode = "PIE-SOLDEREN";
        solderen.DisplayName = "Solderen";
        solderen.RequiredQualification = "ELEK";
        await new ElectiveOfferService.ElectiveOfferServiceClient(app.Channel).CreateElectiveOfferAsync(
            new CreateElectiveOfferRequest { Parent = SchoolA, ElectiveOfferId = "solderen", ElectiveOffer = solderen }, app.Coordinator());
        var jansen = NewDocent();
        jansen.DisplayName = "Mw. Jansen";
        jansen.Qualifications.Clear();
        jansen.Qualifications.Add("ELEK");
        await new StaffService.StaffServiceClient(app.Channel).CreateStaffMemberAsync(
            new CreateStaffMemberRequest { Parent = SchoolA, StaffMemberId = "jansen", StaffMember = jansen }, app.Coordinator());
        var pupils = new PupilService.PupilServiceClient(app.Channel);
        await pupils.BatchUpsertPupilsAsync(new BatchUpsertPupilsRequest { Parent = SchoolA, Pupils = { NewPupil(PupilA, Offer, Solderen) } }, app.Coordinator());
        await pupils.BatchUpsertPupilsAsync(new BatchUpsertPupilsRequest { Parent = SchoolB, Pupils = { NewPupil(PupilB, Solderen, Offer) } }, app.Coordinator(SchoolB));
    }
}
