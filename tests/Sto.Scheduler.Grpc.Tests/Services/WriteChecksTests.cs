using Grpc.Core;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Grpc.Tests.Support;
using static Sto.Scheduler.Grpc.Tests.Support.TestData;

namespace Sto.Scheduler.Grpc.Tests.Services;

/// <summary>
/// Writes check ranges and references when they are made (api.md F3), validate_only answers like the real call
/// (F9), and offers are imported all or nothing (BatchUpsertElectiveOffers).
/// </summary>
public sealed class WriteChecksTests
{
    [Fact]
    public async Task A_rejected_write_names_every_bad_field_and_stores_nothing()
    {
        await using var app = new SchedulerAppFactory();
        await SeedAsync(app);
        var pupils = new PupilService.PupilServiceClient(app.Channel);
        var bad = NewPupil(SchoolA + "/pupils/p-002", SchoolA + "/electiveOffers/nope");
        bad.Year = 5;

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, pupils.CreatePupilAsync(
            new CreatePupilRequest { Parent = SchoolA, PupilId = "p-002", Pupil = bad }, app.Coordinator()));
        var listed = await pupils.ListPupilsAsync(new ListPupilsRequest { Parent = SchoolA }, app.Coordinator());

        Assert.Equal(["pupil.choices[0].elective_offer", "pupil.year"], RpcAssert.Fields(error).Order(StringComparer.Ordinal));
        Assert.Equal("INVALID_FIELD", RpcAssert.Reason(error));
        Assert.Contains("No ElectiveOffer", RpcAssert.Violations(error)["pupil.choices[0].elective_offer"], StringComparison.Ordinal);
        Assert.Equal([PupilA], listed.Pupils.Select(p => p.Name));
    }

    [Fact]
    public async Task A_write_under_a_school_that_does_not_exist_is_not_found()
    {
        await using var app = new SchedulerAppFactory();
        await SeedAsync(app);
        const string missing = SubregionName + "/schools/west";
        var pupils = new PupilService.PupilServiceClient(app.Channel);

        var single = await RpcAssert.FailsWith(StatusCode.NotFound, pupils.CreatePupilAsync(
            new CreatePupilRequest { Parent = missing, PupilId = "p-900", Pupil = NewPupil("", Offer) }, app.Planner()));
        var batch = await RpcAssert.FailsWith(StatusCode.NotFound, pupils.BatchUpsertPupilsAsync(
            new BatchUpsertPupilsRequest { Parent = missing, Pupils = { NewPupil(missing + "/pupils/p-900", Offer) } }, app.Planner()));

        Assert.Equal("RESOURCE_NOT_FOUND", RpcAssert.Reason(single));
        Assert.Contains(missing, single.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("RESOURCE_NOT_FOUND", RpcAssert.Reason(batch));
    }

    [Fact]
    public async Task Shrinking_an_offer_below_its_seats_is_refused_with_the_engine_rule()
    {
        await using var app = new SchedulerAppFactory();
        await SeedAsync(app);
        var offers = new ElectiveOfferService.ElectiveOfferServiceClient(app.Channel);

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, offers.UpdateElectiveOfferAsync(new UpdateElectiveOfferRequest
        {
            ElectiveOffer = new ElectiveOffer { Name = Offer, MaxGroupSize = 10 }, UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "max_group_size" } },
        }, app.Coordinator()));
        var stored = await offers.GetElectiveOfferAsync(new GetElectiveOfferRequest { Name = Offer }, app.Coordinator());

        Assert.EndsWith("[seats-exceed-capacity]", RpcAssert.Violations(error)["elective_offer.open_seat_count"], StringComparison.Ordinal);
        Assert.Equal(15, stored.MaxGroupSize);
    }

    [Fact]
    public async Task Validate_only_batches_report_what_they_would_create_and_replace()
    {
        await using var app = new SchedulerAppFactory();
        await SeedAsync(app);
        var pupils = new PupilService.PupilServiceClient(app.Channel);
        var staff = new StaffService.StaffServiceClient(app.Channel);

        var pupilCheck = await pupils.BatchUpsertPupilsAsync(new BatchUpsertPupilsRequest
        {
            Parent = SchoolA, ValidateOnly = true, Pupils = { NewPupil(PupilA, Offer), NewPupil(SchoolA + "/pupils/p-002", Offer), NewPupil(SchoolA + "/pupils/p-003") },
        }, app.Coordinator());
        var docent = NewDocent();
        docent.Name = SchoolA + "/staffMembers/de-vries";
        var staffCheck = await staff.BatchUpsertStaffMembersAsync(new BatchUpsertStaffMembersRequest
        {
            Parent = SchoolA, ValidateOnly = true, StaffMembers = { docent },
        }, app.Coordinator());
        var listed = await pupils.ListPupilsAsync(new ListPupilsRequest { Parent = SchoolA }, app.Coordinator());

        Assert.Equal((2, 1), (pupilCheck.CreatedCount, pupilCheck.UpdatedCount));
        Assert.Equal(3, pupilCheck.Pupils.Count);
        Assert.Equal((0, 1), (staffCheck.CreatedCount, staffCheck.UpdatedCount));
        Assert.Single(listed.Pupils);
    }

    [Fact]
    public async Task An_offer_import_creates_and_replaces_in_one_go_or_changes_nothing()
    {
        await using var app = new SchedulerAppFactory();
        await SeedAsync(app);
        var offers = new ElectiveOfferService.ElectiveOfferServiceClient(app.Channel);
        var replaced = NewOffer();
        replaced.Name = Offer;
        replaced.DisplayName = "Booglassen";
        var added = NewOffer();
        added.Name = SchoolA + "/electiveOffers/drone";
        var broken = NewOffer();
        broken.Name = SchoolA + "/electiveOffers/kapot";
        broken.Sessions[0].Venue = SubregionName + "/venues/nope";

        var dryRun = await offers.BatchUpsertElectiveOffersAsync(
            new BatchUpsertElectiveOffersRequest { Parent = SchoolA, ElectiveOffers = { replaced, added }, ValidateOnly = true }, app.Coordinator());
        var rejected = await RpcAssert.FailsWith(StatusCode.InvalidArgument, offers.BatchUpsertElectiveOffersAsync(
            new BatchUpsertElectiveOffersRequest { Parent = SchoolA, ElectiveOffers = { replaced, added, broken } }, app.Coordinator()));
        var afterRejection = await offers.ListElectiveOffersAsync(new ListElectiveOffersRequest { Parent = SchoolA }, app.Coordinator());
        var imported = await offers.BatchUpsertElectiveOffersAsync(
            new BatchUpsertElectiveOffersRequest { Parent = SchoolA, ElectiveOffers = { replaced, added } }, app.Coordinator());
        var listed = await offers.ListElectiveOffersAsync(new ListElectiveOffersRequest { Parent = SchoolA }, app.Coordinator());

        Assert.Equal((1, 1), (dryRun.CreatedCount, dryRun.UpdatedCount));
        Assert.Equal(["elective_offers[2].sessions[0].venue"], RpcAssert.Fields(rejected));
        Assert.Equal([Offer], afterRejection.ElectiveOffers.Select(o => o.Name));
        Assert.Equal((1, 1), (imported.CreatedCount, imported.UpdatedCount));
        Assert.Equal([Offer, added.Name], listed.ElectiveOffers.Select(o => o.Name));
        Assert.Equal("Booglassen", listed.ElectiveOffers.Single(o => o.Name == Offer).DisplayName);
    }

    [Fact]
    public async Task An_offer_import_after_the_deadline_is_refused_for_coordinators_only()
    {
        await using var app = new SchedulerAppFactory();
        await SeedAsync(app, new DateTimeOffset(2020, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var offers = new ElectiveOfferService.ElectiveOfferServiceClient(app.Channel);
        var offer = NewOffer();
        offer.Name = SchoolA + "/electiveOffers/laat";
        var request = new BatchUpsertElectiveOffersRequest { Parent = SchoolA, ElectiveOffers = { offer } };

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, offers.BatchUpsertElectiveOffersAsync(request, app.Coordinator()));
        var byPlanner = await offers.BatchUpsertElectiveOffersAsync(request, app.Planner());

        Assert.Equal("SUBMISSION_CLOSED", RpcAssert.Reason(error));
        Assert.Equal(1, byPlanner.CreatedCount);
    }

    [Fact]
    public async Task A_run_check_reports_a_choice_of_an_offer_that_was_withdrawn()
    {
        await using var app = new SchedulerAppFactory();
        await SeedAsync(app);
        var offers = new ElectiveOfferService.ElectiveOfferServiceClient(app.Channel);
        var extra = NewOffer();
        await offers.CreateElectiveOfferAsync(new CreateElectiveOfferRequest { Parent = SchoolB, ElectiveOfferId = "lassen", ElectiveOffer = extra }, app.Coordinator(SchoolB));
        var lassen = SchoolB + "/electiveOffers/lassen";
        await new PupilService.PupilServiceClient(app.Channel).BatchUpsertPupilsAsync(
            new BatchUpsertPupilsRequest { Parent = SchoolB, Pupils = { NewPupil(PupilB, Offer, lassen) } }, app.Coordinator(SchoolB));
        await offers.DeleteElectiveOfferAsync(new DeleteElectiveOfferRequest { Name = lassen }, app.Coordinator(SchoolB));
        var runs = new AllocationService.AllocationServiceClient(app.Channel);

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, runs.CreateAllocationRunAsync(
            new CreateAllocationRunRequest { Parent = SubregionName, AllocationRun = new AllocationRun(), ValidateOnly = true }, app.Planner()));

        var violation = Assert.Single(RpcAssert.Violations(error));
        Assert.Equal("problem.pupils[1].choices[1].offer", violation.Key);
        Assert.Contains(lassen, violation.Value, StringComparison.Ordinal);
        Assert.EndsWith("[unknown-offer]", violation.Value, StringComparison.Ordinal);
        Assert.Equal("VALIDATION_FAILED", RpcAssert.Reason(error));
    }
}
