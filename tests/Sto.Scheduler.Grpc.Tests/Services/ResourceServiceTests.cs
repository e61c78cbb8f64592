using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Grpc.Tests.Support;
using static Sto.Scheduler.Grpc.Tests.Support.TestData;

namespace Sto.Scheduler.Grpc.Tests.Services;

public sealed class ResourceServiceTests
{
    [Fact]
    public async Task Planner_creates_and_reads_back_a_subregion_with_etag_and_times()
    {
        await using var app = new SchedulerAppFactory();
        var client = new SubregionService.SubregionServiceClient(app.Channel);

        var created = await client.CreateSubregionAsync(new CreateSubregionRequest { Parent = Region, SubregionId = "c", Subregion = NewSubregion() }, app.Planner());
        var read = await client.GetSubregionAsync(new GetSubregionRequest { Name = SubregionName }, app.Planner());

        Assert.Equal(SubregionName, read.Name);
        Assert.Equal(created.Etag, read.Etag);
        Assert.NotNull(read.CreateTime);
        Assert.Equal(Weeks, read.Weeks);
    }

    [Fact]
    public async Task CreateSubregion_reports_every_malformed_field_at_once()
    {
        await using var app = new SchedulerAppFactory();
        var client = new SubregionService.SubregionServiceClient(app.Channel);
        var bad = NewSubregion();
        bad.DisplayName = "";
        bad.Weeks.Add("2026-W99");
        bad.Afternoon.EndTime = Time(12, 0);

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument,
            client.CreateSubregionAsync(new CreateSubregionRequest { Parent = Region, SubregionId = "c", Subregion = bad }, app.Planner()));

        Assert.Equal("INVALID_FIELD", RpcAssert.Reason(error));
        Assert.Contains("subregion.display_name", RpcAssert.Fields(error));
        Assert.Contains("subregion.weeks[3]", RpcAssert.Fields(error));
        Assert.Contains("subregion.afternoon.end_time", RpcAssert.Fields(error));
    }

    [Fact]
    public async Task Calls_without_a_token_are_unauthenticated()
    {
        await using var app = new SchedulerAppFactory();
        var client = new SubregionService.SubregionServiceClient(app.Channel);

        await RpcAssert.FailsWith(StatusCode.Unauthenticated, client.GetSubregionAsync(new GetSubregionRequest { Name = SubregionName }));
        await RpcAssert.FailsWith(StatusCode.Unauthenticated,
            client.GetSubregionAsync(new GetSubregionRequest { Name = SubregionName }, SchedulerAppFactory.As("not-a-token")));
    }

    [Fact]
    public async Task Coordinator_cannot_change_the_subregion_and_other_planners_cannot_see_it()
    {
        await using var app = new SchedulerAppFactory();
        await SeedAsync(app);
        var client = new SubregionService.SubregionServiceClient(app.Channel);
        var update = new UpdateSubregionRequest { Subregion = new Subregion { Name = SubregionName, DisplayName = "x" } };

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, client.UpdateSubregionAsync(update, app.Coordinator()));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            client.GetSubregionAsync(new GetSubregionRequest { Name = SubregionName }, app.Planner("regions/oost/subregions/d")));
        Assert.Equal("Subregio C", (await client.GetSubregionAsync(new GetSubregionRequest { Name = SubregionName }, app.Coordinator())).DisplayName);
    }

    [Fact]
    public async Task Update_with_a_stale_etag_is_aborted_and_a_mask_changes_only_its_fields()
    {
        await using var app = new SchedulerAppFactory();
        await SeedAsync(app);
        var client = new SubregionService.SubregionServiceClient(app.Channel);
        var current = await client.GetSubregionAsync(new GetSubregionRequest { Name = SubregionName }, app.Planner());

        var updated = await client.UpdateSubregionAsync(new UpdateSubregionRequest
        {
            Subregion = new Subregion { Name = SubregionName, DisplayName = "Nieuw", Etag = current.Etag },
            UpdateMask = new FieldMask { Paths = { "display_name" } },
        }, app.Planner());
        var stale = await RpcAssert.FailsWith(StatusCode.Aborted, client.UpdateSubregionAsync(new UpdateSubregionRequest
        {
            Subregion = new Subregion { Name = SubregionName, DisplayName = "Weer", Etag = current.Etag },
        }, app.Planner()));
        var badMask = await RpcAssert.FailsWith(StatusCode.InvalidArgument, client.UpdateSubregionAsync(new UpdateSubregionRequest
        {
            Subregion = new Subregion { Name = SubregionName },
            UpdateMask = new FieldMask { Paths = { "create_time", "colour" } },
        }, app.Planner()));

        Assert.Equal("Nieuw", updated.DisplayName);
        Assert.Equal(Weeks, updated.Weeks);
        Assert.Equal("ETAG_MISMATCH", RpcAssert.Reason(stale));
        Assert.Equal(["update_mask.paths[0]", "update_mask.paths[1]"], RpcAssert.Fields(badMask));
    }

    [Fact]
    public async Task A_planner_sets_the_preference_policy_through_the_rules_and_reads_it_back()
    {
        await using var app = new SchedulerAppFactory();
        await SeedAsync(app);
        var client = new SubregionService.SubregionServiceClient(app.Channel);

        var updated = await client.UpdateSubregionAsync(new UpdateSubregionRequest
        {
            Subregion = new Subregion { Name = SubregionName, Rules = new AllocationRules { RankCosts = { 0, 100, 101, 102 } } },
            UpdateMask = new FieldMask { Paths = { "rules" } },
        }, app.Planner());
        var read = await client.GetSubregionAsync(new GetSubregionRequest { Name = SubregionName }, app.Planner());

        Assert.Equal([0, 100, 101, 102], updated.Rules.RankCosts);
        Assert.Equal([0, 100, 101, 102], read.Rules.RankCosts);
        Assert.Equal(Weeks, read.Weeks);
    }

    [Fact]
    public async Task Coordinator_manages_offers_of_their_own_school_only()
    {
        await using var app = new SchedulerAppFactory();
        await SeedAsync(app);
        var offers = new ElectiveOfferService.ElectiveOfferServiceClient(app.Channel);

        var created = await offers.CreateElectiveOfferAsync(
            new CreateElectiveOfferRequest { Parent = SchoolA, ElectiveOfferId = "lassen-2", ElectiveOffer = NewOffer() }, app.Coordinator());
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, offers.CreateElectiveOfferAsync(
            new CreateElectiveOfferRequest { Parent = SchoolA, ElectiveOfferId = "x", ElectiveOffer = NewOffer() }, app.Coordinator(SchoolB)));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, offers.DeleteElectiveOfferAsync(
            new DeleteElectiveOfferRequest { Name = Offer }, app.Coordinator(SchoolB)));
        var listedBySchoolB = await offers.ListElectiveOffersAsync(new ListElectiveOffersRequest { Parent = SchoolA }, app.Coordinator(SchoolB));

        Assert.Equal(SchoolA + "/electiveOffers/lassen-2", created.Name);
        Assert.Equal(2, listedBySchoolB.ElectiveOffers.Count);
    }

    [Fact]
    public async Task CreateElectiveOffer_names_each_bad_session_field()
    {
        await using var app = new SchedulerAppFactory();
        await SeedAsync(app);
        var offer = NewOffer();
        offer.MaxGroupSize = 0;
        offer.Sessions[1].Venue = "regions/oost/subregions/d/venues/elders";
        offer.Sessions[2].EndTime = Time(13, 0);

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, new ElectiveOfferService.ElectiveOfferServiceClient(app.Channel)
            .CreateElectiveOfferAsync(new CreateElectiveOfferRequest { Parent = SchoolA, ElectiveOfferId = "Bad_Id", ElectiveOffer = offer }, app.Coordinator()));

        Assert.Contains("elective_offer_id", RpcAssert.Fields(error));
        Assert.Contains("elective_offer.max_group_size", RpcAssert.Fields(error));
        Assert.Contains("elective_offer.sessions[1].venue", RpcAssert.Fields(error));
        Assert.Contains("elective_offer.sessions[2].end_time", RpcAssert.Fields(error));
    }

    [Fact]
    public async Task After_the_deadline_coordinators_are_refused_naming_it_but_planners_are_not()
    {
        await using var app = new SchedulerAppFactory();
        var deadline = new DateTimeOffset(2020, 3, 1, 12, 0, 0, TimeSpan.Zero);
        await SeedAsync(app, deadline);
        var offers = new ElectiveOfferService.ElectiveOfferServiceClient(app.Channel);
        var request = new CreateElectiveOfferRequest { Parent = SchoolA, ElectiveOfferId = "laat", ElectiveOffer = NewOffer() };

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, offers.CreateElectiveOfferAsync(request, app.Coordinator()));
        var byPlanner = await offers.CreateElectiveOfferAsync(request, app.Planner());

        Assert.Equal("SUBMISSION_CLOSED", RpcAssert.Reason(error));
        Assert.Contains("2020-03-01T12:00:00Z", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(SchoolA + "/electiveOffers/laat", byPlanner.Name);
    }

    [Fact]
    public async Task A_bulk_pupil_import_with_one_bad_row_changes_nothing_and_names_the_row()
    {
        await using var app = new SchedulerAppFactory();
        await SeedAsync(app);
        var pupils = new PupilService.PupilServiceClient(app.Channel);
        var good = NewPupil(SchoolA + "/pupils/p-002", Offer);
        var bad = NewPupil(SchoolA + "/pupils/p-003", Offer, Offer);
        bad.Year = 9;
        var foreign = NewPupil(SchoolB + "/pupils/p-004", Offer);

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, pupils.BatchUpsertPupilsAsync(
            new BatchUpsertPupilsRequest { Parent = SchoolA, Pupils = { good, bad, foreign } }, app.Coordinator()));
        var listed = await pupils.ListPupilsAsync(new ListPupilsRequest { Parent = SchoolA }, app.Coordinator());

        Assert.Contains("pupils[1].year", RpcAssert.Fields(error));
        Assert.Contains("pupils[1].choices", RpcAssert.Fields(error));
        Assert.Contains("pupils[2].name", RpcAssert.Fields(error));
        Assert.Single(listed.Pupils);
    }

    [Fact]
    public async Task A_bulk_pupil_import_creates_and_replaces_in_one_go()
    {
        await using var app = new SchedulerAppFactory();
        await SeedAsync(app);
        var pupils = new PupilService.PupilServiceClient(app.Channel);

        var response = await pupils.BatchUpsertPupilsAsync(new BatchUpsertPupilsRequest
        {
            Parent = SchoolA,
            Pupils = { NewPupil(PupilA), NewPupil(SchoolA + "/pupils/p-002", Offer) },
        }, app.Coordinator());
        var replaced = await pupils.GetPupilAsync(new GetPupilRequest { Name = PupilA }, app.Coordinator());

        Assert.Equal(1, response.CreatedCount);
        Assert.Equal(1, response.UpdatedCount);
        Assert.Empty(replaced.Choices);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, pupils.GetPupilAsync(new GetPupilRequest { Name = PupilA }, app.Coordinator(SchoolB)));
    }

    [Fact]
    public async Task Create_with_the_same_request_id_returns_the_first_result()
    {
        await using var app = new SchedulerAppFactory();
        await SeedAsync(app);
        var staff = new StaffService.StaffServiceClient(app.Channel);
        var requestId = Guid.NewGuid().ToString();
        var request = new CreateStaffMemberRequest { Parent = SchoolA, StaffMemberId = "jansen", StaffMember = NewDocent(), RequestId = requestId };

        var first = await staff.CreateStaffMemberAsync(request, app.Coordinator());
        var second = await staff.CreateStaffMemberAsync(request, app.Coordinator());
        request.RequestId = "";
        await RpcAssert.FailsWith(StatusCode.AlreadyExists, staff.CreateStaffMemberAsync(request, app.Coordinator()));

        Assert.Equal(first.Etag, second.Etag);
    }

    [Fact]
    public async Task List_pages_through_venues_with_opaque_tokens()
    {
        await using var app = new SchedulerAppFactory();
        await SeedAsync(app);
        var venues = new VenueService.VenueServiceClient(app.Channel);
        foreach (var id in new[] { "v1", "v2", "v3", "v4" })
        {
            await venues.CreateVenueAsync(new CreateVenueRequest { Parent = SubregionName, VenueId = id, Venue = NewLab() }, app.Planner());
        }

        var names = new List<string>();
        var token = "";
        do
        {
            var page = await venues.ListVenuesAsync(new ListVenuesRequest { Parent = SubregionName, PageSize = 2, PageToken = token }, app.Coordinator());
            names.AddRange(page.Venues.Select(v => v.Name));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument,
            venues.ListVenuesAsync(new ListVenuesRequest { Parent = SubregionName, PageSize = -1, PageToken = "garbage" }, app.Planner()));

        Assert.Equal(5, names.Count);
        Assert.Equal(["page_size", "page_token"], RpcAssert.Fields(error));
    }

    [Fact]
    public async Task A_malformed_name_is_invalid_for_its_owner_and_denied_for_others()
    {
        await using var app = new SchedulerAppFactory();
        var schools = new SchoolService.SchoolServiceClient(app.Channel);

        var invalid = await RpcAssert.FailsWith(StatusCode.InvalidArgument,
            schools.GetSchoolAsync(new GetSchoolRequest { Name = SubregionName + "/schools/Not Valid" }, app.Planner()));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            schools.GetSchoolAsync(new GetSchoolRequest { Name = "schools//x" }, app.Planner()));
        await RpcAssert.FailsWith(StatusCode.NotFound,
            schools.GetSchoolAsync(new GetSchoolRequest { Name = SubregionName + "/schools/onbekend" }, app.Planner()));

        Assert.Equal(["name"], RpcAssert.Fields(invalid));
    }
}
