using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Grpc.Mapping;
using Sto.Scheduler.Grpc.Tests.Support;
using static Sto.Scheduler.Grpc.Tests.Authorization.MatrixFixture;
using static Sto.Scheduler.Grpc.Tests.Support.TestData;

namespace Sto.Scheduler.Grpc.Tests.Authorization;

/// <summary>
/// Bad inputs per RPC from a caller who may make the call: malformed names, missing REQUIRED fields, unknown
/// update-mask paths, bad page tokens → INVALID_ARGUMENT (reason INVALID_FIELD or VALIDATION_FAILED) with a
/// BadRequest naming exactly the offending field paths.
/// </summary>
public sealed class BadInputTests(MatrixFixture fixture) : IClassFixture<MatrixFixture>
{
    private sealed record Case(string Method, string What, Who As, Func<GrpcChannel, CallOptions, Task> Call, string[] Fields);

    private static readonly IReadOnlyDictionary<string, Case> Cases = BuildCases().ToDictionary(c => $"{c.Method}: {c.What}");

    public static TheoryData<string> CaseNames() => new(Cases.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Bad_input_is_invalid_argument_naming_the_fields(string name)
    {
        var c = Cases[name];

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => c.Call(fixture.App.Channel, fixture.As(c.As)));

        Assert.Equal(c.Fields.Order(StringComparer.Ordinal), RpcAssert.Fields(error).Order(StringComparer.Ordinal));
        Assert.Contains(RpcAssert.Reason(error), new[] { "INVALID_FIELD", "VALIDATION_FAILED" });
    }

    [Fact]
    public void Every_rpc_has_bad_input_cases()
    {
        var covered = Cases.Values.Select(c => c.Method).ToHashSet();

        Assert.Equal(AuthorizationMatrix.Rows.Keys.Order(StringComparer.Ordinal), covered.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_page_token_works_only_with_the_parent_it_was_issued_for()
    {
        var schools = new SchoolService.SchoolServiceClient(fixture.App.Channel);
        var first = await schools.ListSchoolsAsync(new ListSchoolsRequest { Parent = SubregionName, PageSize = 1 }, fixture.As(Who.PlannerOwn));

        var second = await schools.ListSchoolsAsync(new ListSchoolsRequest { Parent = SubregionName, PageSize = 1, PageToken = first.NextPageToken }, fixture.As(Who.PlannerOwn));
        var reused = await RpcAssert.FailsWith(StatusCode.InvalidArgument, new VenueService.VenueServiceClient(fixture.App.Channel)
            .ListVenuesAsync(new ListVenuesRequest { Parent = SubregionName + "x", PageToken = first.NextPageToken }, fixture.App.Planner(SubregionName + "x")));

        Assert.Equal([SchoolA], first.Schools.Select(s => s.Name));
        Assert.Equal([SchoolB], second.Schools.Select(s => s.Name));
        Assert.Empty(second.NextPageToken);
        Assert.Equal(["page_token"], RpcAssert.Fields(reused));
    }

    private static IEnumerable<Case> BuildCases()
    {
        const Who planner = Who.PlannerOwn;
        const Who coordinator = Who.CoordinatorOwn;
        var foreignToken = PageToken.Encode(OtherSubregion, 1);
        static SubregionService.SubregionServiceClient Subregions(GrpcChannel ch) => new(ch);
        static SchoolService.SchoolServiceClient Schools(GrpcChannel ch) => new(ch);
        static VenueService.VenueServiceClient Venues(GrpcChannel ch) => new(ch);
        static ElectiveOfferService.ElectiveOfferServiceClient Offers(GrpcChannel ch) => new(ch);
        static PupilService.PupilServiceClient Pupils(GrpcChannel ch) => new(ch);
        static StaffService.StaffServiceClient Staff(GrpcChannel ch) => new(ch);
        static AllocationService.AllocationServiceClient Runs(GrpcChannel ch) => new(ch);
        static PupilScheduleService.PupilScheduleServiceClient Schedules(GrpcChannel ch) => new(ch);
        static Case C(string method, string what, Who who, Func<GrpcChannel, CallOptions, Task> call, params string[] fields) =>
            new(method, what, who, call, fields);

        // SubregionService: subregions
        yield return C("SubregionService/GetSubregion", "empty name", planner, (ch, o) =>
            Subregions(ch).GetSubregionAsync(new GetSubregionRequest(), o).ResponseAsync, "name");
        yield return C("SubregionService/GetSubregion", "malformed name", planner, (ch, o) =>
            Subregions(ch).GetSubregionAsync(new GetSubregionRequest { Name = SubregionName + "/extra" }, o).ResponseAsync, "name");
        yield return C("SubregionService/ListSubregions", "negative page size and garbage token", planner, (ch, o) =>
            Subregions(ch).ListSubregionsAsync(new ListSubregionsRequest { Parent = Region, PageSize = -1, PageToken = "garbage!" }, o).ResponseAsync, "page_size", "page_token");
        yield return C("SubregionService/ListSubregions", "missing parent", planner, (ch, o) =>
            Subregions(ch).ListSubregionsAsync(new ListSubregionsRequest(), o).ResponseAsync, "parent");
        yield return C("SubregionService/ListSubregions", "a subregion as parent", planner, (ch, o) =>
            Subregions(ch).ListSubregionsAsync(new ListSubregionsRequest { Parent = SubregionName }, o).ResponseAsync, "parent");
        yield return C("SubregionService/CreateSubregion", "required fields missing", planner, (ch, o) =>
            Subregions(ch).CreateSubregionAsync(new CreateSubregionRequest { Parent = Region, SubregionId = "c", Subregion = new Subregion() }, o).ResponseAsync,
            "subregion.display_name", "subregion.afternoon", "subregion.weeks");
        yield return C("SubregionService/CreateSubregion", "no subregion", planner, (ch, o) =>
            Subregions(ch).CreateSubregionAsync(new CreateSubregionRequest { Parent = Region, SubregionId = "c" }, o).ResponseAsync, "subregion");
        yield return C("SubregionService/CreateSubregion", "missing parent", planner, (ch, o) =>
            Subregions(ch).CreateSubregionAsync(new CreateSubregionRequest { SubregionId = "c", Subregion = NewSubregion() }, o).ResponseAsync, "parent");
        yield return C("SubregionService/UpdateSubregion", "unknown and output-only mask paths, masked required field cleared", planner, (ch, o) =>
            Subregions(ch).UpdateSubregionAsync(new UpdateSubregionRequest
            {
                Subregion = new Subregion { Name = SubregionName }, UpdateMask = new FieldMask { Paths = { "display_name", "colour", "update_time" } },
            }, o).ResponseAsync, "update_mask.paths[1]", "update_mask.paths[2]", "subregion.display_name");
        yield return C("SubregionService/UpdateSubregion", "no subregion", planner, (ch, o) =>
            Subregions(ch).UpdateSubregionAsync(new UpdateSubregionRequest(), o).ResponseAsync, "subregion");
        yield return C("SubregionService/UpdateSubregion", "subregion without name", planner, (ch, o) =>
            Subregions(ch).UpdateSubregionAsync(new UpdateSubregionRequest { Subregion = NewSubregion() }, o).ResponseAsync, "subregion.name");
        yield return C("SubregionService/UpdateSubregion", "bad week in patch", planner, (ch, o) =>
            Subregions(ch).UpdateSubregionAsync(new UpdateSubregionRequest
            {
                Subregion = new Subregion { Name = SubregionName, Weeks = { "2026-W14", "week 15" } }, UpdateMask = new FieldMask { Paths = { "weeks" } },
            }, o).ResponseAsync, "subregion.weeks[1]");
        yield return C("SubregionService/UpdateSubregion", "rank costs decreasing and out of range", planner, (ch, o) =>
            Subregions(ch).UpdateSubregionAsync(new UpdateSubregionRequest
            {
                Subregion = new Subregion { Name = SubregionName, Rules = new AllocationRules { RankCosts = { 0, 5, 3, 20_000 } } },
                UpdateMask = new FieldMask { Paths = { "rules" } },
            }, o).ResponseAsync, "subregion.rules.rank_costs[2]", "subregion.rules.rank_costs[3]");
        yield return C("SubregionService/DeleteSubregion", "malformed name", planner, (ch, o) =>
            Subregions(ch).DeleteSubregionAsync(new DeleteSubregionRequest { Name = SubregionName + "/" }, o).ResponseAsync, "name");
        yield return C("SubregionService/DeleteSubregion", "empty name", planner, (ch, o) =>
            Subregions(ch).DeleteSubregionAsync(new DeleteSubregionRequest(), o).ResponseAsync, "name");

        // SubregionService: equipment kits
        yield return C("SubregionService/GetEquipmentKit", "malformed id", Who.CoordinatorOther, (ch, o) =>
            Subregions(ch).GetEquipmentKitAsync(new GetEquipmentKitRequest { Name = SubregionName + "/equipmentKits/Las_Set" }, o).ResponseAsync, "name");
        yield return C("SubregionService/ListEquipmentKits", "token of another parent", planner, (ch, o) =>
            Subregions(ch).ListEquipmentKitsAsync(new ListEquipmentKitsRequest { Parent = SubregionName, PageToken = foreignToken }, o).ResponseAsync, "page_token");
        yield return C("SubregionService/CreateEquipmentKit", "bad id and required fields missing", planner, (ch, o) =>
            Subregions(ch).CreateEquipmentKitAsync(new CreateEquipmentKitRequest { Parent = SubregionName, EquipmentKitId = "-kit", EquipmentKit = new EquipmentKit() }, o).ResponseAsync,
            "equipment_kit_id", "equipment_kit.display_name", "equipment_kit.kit_count");
        yield return C("SubregionService/UpdateEquipmentKit", "negative count", planner, (ch, o) =>
            Subregions(ch).UpdateEquipmentKitAsync(new UpdateEquipmentKitRequest { EquipmentKit = new EquipmentKit { Name = Kit, KitCount = -1 } }, o).ResponseAsync,
            "equipment_kit.kit_count");
        yield return C("SubregionService/UpdateEquipmentKit", "identifier in mask", planner, (ch, o) =>
            Subregions(ch).UpdateEquipmentKitAsync(new UpdateEquipmentKitRequest
            {
                EquipmentKit = new EquipmentKit { Name = Kit }, UpdateMask = new FieldMask { Paths = { "name" } },
            }, o).ResponseAsync, "update_mask.paths[0]");
        yield return C("SubregionService/DeleteEquipmentKit", "malformed name", planner, (ch, o) =>
            Subregions(ch).DeleteEquipmentKitAsync(new DeleteEquipmentKitRequest { Name = SubregionName + "/equipmentKits" }, o).ResponseAsync, "name");

        // SchoolService
        yield return C("SchoolService/GetSchool", "empty name", coordinator, (ch, o) =>
            Schools(ch).GetSchoolAsync(new GetSchoolRequest(), o).ResponseAsync, "name");
        yield return C("SchoolService/ListSchools", "malformed parent", planner, (ch, o) =>
            Schools(ch).ListSchoolsAsync(new ListSchoolsRequest { Parent = SubregionName + "/schools" }, o).ResponseAsync, "parent");
        yield return C("SchoolService/CreateSchool", "bad id, required fields missing", planner, (ch, o) =>
            Schools(ch).CreateSchoolAsync(new CreateSchoolRequest { Parent = SubregionName, SchoolId = "West", School = new School() }, o).ResponseAsync,
            "school_id", "school.display_name", "school.location");
        yield return C("SchoolService/CreateSchool", "location off the globe", planner, (ch, o) =>
            Schools(ch).CreateSchoolAsync(new CreateSchoolRequest { Parent = SubregionName, SchoolId = "west", School = BadLocation(NewSchool("West", 200)) }, o).ResponseAsync,
            "school.location");
        yield return C("SchoolService/UpdateSchool", "unknown mask path", coordinator, (ch, o) =>
            Schools(ch).UpdateSchoolAsync(new UpdateSchoolRequest
            {
                School = new School { Name = SchoolA }, UpdateMask = new FieldMask { Paths = { "release_time", "principal" } },
            }, o).ResponseAsync, "update_mask.paths[1]");
        yield return C("SchoolService/DeleteSchool", "malformed name", planner, (ch, o) =>
            Schools(ch).DeleteSchoolAsync(new DeleteSchoolRequest { Name = SubregionName + "/schools/noord/x" }, o).ResponseAsync, "name");

        // VenueService
        yield return C("VenueService/GetVenue", "malformed name", planner, (ch, o) =>
            Venues(ch).GetVenueAsync(new GetVenueRequest { Name = SubregionName + "/venue/lab-noord" }, o).ResponseAsync, "name");
        yield return C("VenueService/ListVenues", "negative page size", coordinator, (ch, o) =>
            Venues(ch).ListVenuesAsync(new ListVenuesRequest { Parent = SubregionName, PageSize = -5 }, o).ResponseAsync, "page_size");
        yield return C("VenueService/CreateVenue", "required fields missing, foreign school", planner, (ch, o) =>
            Venues(ch).CreateVenueAsync(new CreateVenueRequest
            {
                Parent = SubregionName, VenueId = "hal", Venue = new Venue { School = "regions/oost/subregions/d/schools/elders" },
            }, o).ResponseAsync,
            "venue.display_name", "venue.kind", "venue.location", "venue.weekly_pupil_capacity", "venue.school");
        yield return C("VenueService/CreateVenue", "school of the subregion that does not exist", planner, (ch, o) =>
            Venues(ch).CreateVenueAsync(new CreateVenueRequest
            {
                Parent = SubregionName, VenueId = "hal", ValidateOnly = true, Venue = OfSchool(NewLab(), SubregionName + "/schools/nope"),
            }, o).ResponseAsync, "venue.school");
        yield return C("VenueService/UpdateVenue", "negative capacity", planner, (ch, o) =>
            Venues(ch).UpdateVenueAsync(new UpdateVenueRequest { Venue = new Venue { Name = Lab, WeeklyPupilCapacity = -1 } }, o).ResponseAsync,
            "venue.weekly_pupil_capacity");
        yield return C("VenueService/DeleteVenue", "empty name", planner, (ch, o) =>
            Venues(ch).DeleteVenueAsync(new DeleteVenueRequest(), o).ResponseAsync, "name");

        // ElectiveOfferService
        yield return C("ElectiveOfferService/GetElectiveOffer", "malformed name", Who.CoordinatorOther, (ch, o) =>
            Offers(ch).GetElectiveOfferAsync(new GetElectiveOfferRequest { Name = SchoolA + "/electiveOffers/Booglas" }, o).ResponseAsync, "name");
        yield return C("ElectiveOfferService/ListElectiveOffers", "garbage token", coordinator, (ch, o) =>
            Offers(ch).ListElectiveOffersAsync(new ListElectiveOffersRequest { Parent = SchoolA, PageToken = "bm90IGEgdG9rZW4" }, o).ResponseAsync, "page_token");
        yield return C("ElectiveOfferService/CreateElectiveOffer", "required fields missing", coordinator, (ch, o) =>
            Offers(ch).CreateElectiveOfferAsync(new CreateElectiveOfferRequest { Parent = SchoolA, ElectiveOfferId = "leeg", ElectiveOffer = new ElectiveOffer() }, o).ResponseAsync,
            "elective_offer.elective_code", "elective_offer.display_name", "elective_offer.min_group_size", "elective_offer.max_group_size",
            "elective_offer.required_qualification", "elective_offer.sessions");
        yield return C("ElectiveOfferService/CreateElectiveOffer", "missing id", coordinator, (ch, o) =>
            Offers(ch).CreateElectiveOfferAsync(new CreateElectiveOfferRequest { Parent = SchoolA, ElectiveOffer = NewOffer() }, o).ResponseAsync, "elective_offer_id");
        yield return C("ElectiveOfferService/UpdateElectiveOffer", "unknown mask path and bad size", coordinator, (ch, o) =>
            Offers(ch).UpdateElectiveOfferAsync(new UpdateElectiveOfferRequest
            {
                ElectiveOffer = new ElectiveOffer { Name = Offer, MaxGroupSize = 0 }, UpdateMask = new FieldMask { Paths = { "max_group_size", "seats" } },
            }, o).ResponseAsync, "update_mask.paths[1]", "elective_offer.max_group_size");
        yield return C("ElectiveOfferService/CreateElectiveOffer", "week outside the period, missing venue and kit (api.md F3)", coordinator, (ch, o) =>
            Offers(ch).CreateElectiveOfferAsync(new CreateElectiveOfferRequest
            {
                Parent = SchoolA, ElectiveOfferId = "drone", ValidateOnly = true,
                ElectiveOffer = WithKit(WithSession(NewOffer(), "2026-W08", SubregionName + "/venues/nope"), SubregionName + "/equipmentKits/nope"),
            }, o).ResponseAsync,
            "elective_offer.sessions[3].week", "elective_offer.sessions[3].venue", "elective_offer.kit_needs[0].equipment_kit");
        yield return C("ElectiveOfferService/UpdateElectiveOffer", "seats no longer fit the smaller groups (api.md F3)", coordinator, (ch, o) =>
            Offers(ch).UpdateElectiveOfferAsync(new UpdateElectiveOfferRequest
            {
                ElectiveOffer = new ElectiveOffer { Name = Offer, MaxGroupSize = 12 }, UpdateMask = new FieldMask { Paths = { "max_group_size" } }, ValidateOnly = true,
            }, o).ResponseAsync, "elective_offer.open_seat_count");
        yield return C("ElectiveOfferService/BatchUpsertElectiveOffers", "no rows", coordinator, (ch, o) =>
            Offers(ch).BatchUpsertElectiveOffersAsync(new BatchUpsertElectiveOffersRequest { Parent = SchoolA }, o).ResponseAsync, "elective_offers");
        yield return C("ElectiveOfferService/BatchUpsertElectiveOffers", "missing parent", coordinator, (ch, o) =>
            Offers(ch).BatchUpsertElectiveOffersAsync(new BatchUpsertElectiveOffersRequest { ElectiveOffers = { Named(NewOffer(), Offer) } }, o).ResponseAsync, "parent");
        yield return C("ElectiveOfferService/BatchUpsertElectiveOffers", "every bad row and field at once", coordinator, (ch, o) =>
            Offers(ch).BatchUpsertElectiveOffersAsync(new BatchUpsertElectiveOffersRequest
            {
                Parent = SchoolA, ValidateOnly = true,
                ElectiveOffers =
                {
                    Named(NewOffer(), SchoolB + "/electiveOffers/elders"),
                    Named(WithSession(NewOffer(), "2026-W20", Lab), SchoolA + "/electiveOffers/laat"),
                    Named(Seats(NewOffer(), own: 20, open: 5), SchoolA + "/electiveOffers/vol"),
                    Named(new ElectiveOffer(), SchoolA + "/electiveOffers/leeg"),
                    Named(NewOffer(), SchoolA + "/electiveOffers/goed"),
                },
            }, o).ResponseAsync,
            "elective_offers[0].name", "elective_offers[1].sessions[3].week", "elective_offers[2].open_seat_count",
            "elective_offers[3].elective_code", "elective_offers[3].display_name", "elective_offers[3].min_group_size",
            "elective_offers[3].max_group_size", "elective_offers[3].required_qualification", "elective_offers[3].sessions");
        yield return C("ElectiveOfferService/DeleteElectiveOffer", "malformed name", coordinator, (ch, o) =>
            Offers(ch).DeleteElectiveOfferAsync(new DeleteElectiveOfferRequest { Name = SchoolA + "/electiveOffers/" }, o).ResponseAsync, "name");

        // PupilService
        yield return C("PupilService/GetPupil", "malformed name", coordinator, (ch, o) =>
            Pupils(ch).GetPupilAsync(new GetPupilRequest { Name = SchoolA + "/pupils/P 001" }, o).ResponseAsync, "name");
        yield return C("PupilService/ListPupils", "malformed parent", coordinator, (ch, o) =>
            Pupils(ch).ListPupilsAsync(new ListPupilsRequest { Parent = SchoolA + "/pupils" }, o).ResponseAsync, "parent");
        yield return C("PupilService/CreatePupil", "required fields missing, bad choice", coordinator, (ch, o) =>
            Pupils(ch).CreatePupilAsync(new CreatePupilRequest
            {
                Parent = SchoolA, PupilId = "p-002", Pupil = new Pupil { Choices = { new ElectiveChoice { ElectiveOffer = "booglas", Rank = 1 } } },
            }, o).ResponseAsync, "pupil.learning_path", "pupil.year", "pupil.choices[0].elective_offer");
        yield return C("PupilService/CreatePupil", "year 5, a choice of a missing offer, rank 0 (api.md F3)", coordinator, (ch, o) =>
            Pupils(ch).CreatePupilAsync(new CreatePupilRequest
            {
                Parent = SchoolA, PupilId = "p-003", ValidateOnly = true,
                Pupil = Ranked(Year(NewPupil("", SchoolA + "/electiveOffers/nope", Offer), 5), 2, 0),
            }, o).ResponseAsync, "pupil.year", "pupil.choices[0].elective_offer", "pupil.choices[1].rank");
        yield return C("PupilService/UpdatePupil", "a choice of an offer of another subregion and of a missing one", coordinator, (ch, o) =>
            Pupils(ch).UpdatePupilAsync(new UpdatePupilRequest
            {
                Pupil = NewPupil(PupilA, OtherSubregion + "/schools/x/electiveOffers/y", SchoolB + "/electiveOffers/nope"), ValidateOnly = true,
            }, o).ResponseAsync, "pupil.choices[0].elective_offer", "pupil.choices[1].elective_offer");
        yield return C("PupilService/UpdatePupil", "no pupil", coordinator, (ch, o) =>
            Pupils(ch).UpdatePupilAsync(new UpdatePupilRequest(), o).ResponseAsync, "pupil");
        yield return C("PupilService/UpdatePupil", "unknown mask path", coordinator, (ch, o) =>
            Pupils(ch).UpdatePupilAsync(new UpdatePupilRequest { Pupil = new Pupil { Name = PupilA }, UpdateMask = new FieldMask { Paths = { "first_name" } } }, o).ResponseAsync,
            "update_mask.paths[0]");
        yield return C("PupilService/DeletePupil", "empty name", coordinator, (ch, o) =>
            Pupils(ch).DeletePupilAsync(new DeletePupilRequest(), o).ResponseAsync, "name");
        yield return C("PupilService/BatchUpsertPupils", "no rows", coordinator, (ch, o) =>
            Pupils(ch).BatchUpsertPupilsAsync(new BatchUpsertPupilsRequest { Parent = SchoolA }, o).ResponseAsync, "pupils");
        yield return C("PupilService/BatchUpsertPupils", "validate_only reports ranges and references of every row (api.md F3)", coordinator, (ch, o) =>
            Pupils(ch).BatchUpsertPupilsAsync(new BatchUpsertPupilsRequest
            {
                Parent = SchoolA, ValidateOnly = true,
                Pupils = { Year(NewPupil(PupilA, Offer), 5), NewPupil(SchoolA + "/pupils/p-002", SchoolA + "/electiveOffers/nope"), NewPupil(SchoolA + "/pupils/p-003", Offer) },
            }, o).ResponseAsync, "pupils[0].year", "pupils[1].choices[0].elective_offer");
        yield return C("PupilService/BatchUpsertPupils", "missing parent", coordinator, (ch, o) =>
            Pupils(ch).BatchUpsertPupilsAsync(new BatchUpsertPupilsRequest { Pupils = { NewPupil(PupilA) } }, o).ResponseAsync, "parent");

        // StaffService
        yield return C("StaffService/GetStaffMember", "malformed name", coordinator, (ch, o) =>
            Staff(ch).GetStaffMemberAsync(new GetStaffMemberRequest { Name = SchoolA + "/staff/de-vries" }, o).ResponseAsync, "name");
        yield return C("StaffService/ListStaffMembers", "garbage token", coordinator, (ch, o) =>
            Staff(ch).ListStaffMembersAsync(new ListStaffMembersRequest { Parent = SchoolA, PageToken = "%%%" }, o).ResponseAsync, "page_token");
        yield return C("StaffService/CreateStaffMember", "required fields missing, bad base", coordinator, (ch, o) =>
            Staff(ch).CreateStaffMemberAsync(new CreateStaffMemberRequest
            {
                Parent = SchoolA, StaffMemberId = "jansen", StaffMember = new StaffMember { BaseSite = "thuis", AvailableWeeks = { "2026-W53x" } },
            }, o).ResponseAsync,
            "staff_member.display_name", "staff_member.kind", "staff_member.qualifications", "staff_member.base_site", "staff_member.available_weeks[0]");
        yield return C("StaffService/CreateStaffMember", "week outside the period, missing base venue (api.md F3)", coordinator, (ch, o) =>
            Staff(ch).CreateStaffMemberAsync(new CreateStaffMemberRequest
            {
                Parent = SchoolA, StaffMemberId = "jansen", ValidateOnly = true,
                StaffMember = Based(Available(NewDocent(), "2026-W14", "2026-W30"), SubregionName + "/venues/nope"),
            }, o).ResponseAsync, "staff_member.available_weeks[1]", "staff_member.base_site");
        yield return C("StaffService/UpdateStaffMember", "output-only mask path", coordinator, (ch, o) =>
            Staff(ch).UpdateStaffMemberAsync(new UpdateStaffMemberRequest
            {
                StaffMember = new StaffMember { Name = SchoolA + "/staffMembers/de-vries" }, UpdateMask = new FieldMask { Paths = { "create_time" } },
            }, o).ResponseAsync, "update_mask.paths[0]");
        yield return C("StaffService/DeleteStaffMember", "malformed name", coordinator, (ch, o) =>
            Staff(ch).DeleteStaffMemberAsync(new DeleteStaffMemberRequest { Name = SchoolA + "/staffMembers/-x" }, o).ResponseAsync, "name");
        yield return C("StaffService/BatchUpsertStaffMembers", "references of every row", coordinator, (ch, o) =>
            Staff(ch).BatchUpsertStaffMembersAsync(new BatchUpsertStaffMembersRequest
            {
                Parent = SchoolA, ValidateOnly = true,
                StaffMembers = { Named(Available(NewDocent(), "2026-W01"), SchoolA + "/staffMembers/a"), Named(Based(NewDocent(), SchoolB), SchoolA + "/staffMembers/b"), Named(Based(NewDocent(), SubregionName + "/schools/nope"), SchoolA + "/staffMembers/c") },
            }, o).ResponseAsync, "staff_members[0].available_weeks[0]", "staff_members[2].base_site");
        yield return C("StaffService/BatchUpsertStaffMembers", "row outside the parent and malformed row", coordinator, (ch, o) =>
            Staff(ch).BatchUpsertStaffMembersAsync(new BatchUpsertStaffMembersRequest
            {
                Parent = SchoolA,
                StaffMembers = { Named(NewDocent(), SchoolB + "/staffMembers/x"), Named(NewDocent(), SchoolA + "/staffMembers/X"), Named(NewDocent(), SchoolA + "/staffMembers/ok") },
            }, o).ResponseAsync, "staff_members[0].name", "staff_members[1].name");

        // AllocationService
        yield return C("AllocationService/CreateAllocationRun", "bad id, bad week, negative seed", planner, (ch, o) =>
            Runs(ch).CreateAllocationRunAsync(new CreateAllocationRunRequest
            {
                Parent = SubregionName, AllocationRunId = "Run_1",
                AllocationRun = new AllocationRun { Weeks = { "2026-W99" }, Settings = new RunSettings { RandomSeed = -1 } },
            }, o).ResponseAsync, "allocation_run_id", "allocation_run.weeks[0]", "allocation_run.settings.random_seed");
        yield return C("AllocationService/CreateAllocationRun", "missing parent", planner, (ch, o) =>
            Runs(ch).CreateAllocationRunAsync(new CreateAllocationRunRequest { AllocationRun = new AllocationRun() }, o).ResponseAsync, "parent");
        yield return C("AllocationService/CreateAllocationRun", "no run", planner, (ch, o) =>
            Runs(ch).CreateAllocationRunAsync(new CreateAllocationRunRequest { Parent = SubregionName }, o).ResponseAsync, "allocation_run");
        yield return C("AllocationService/GetAllocationRun", "malformed name", planner, (ch, o) =>
            Runs(ch).GetAllocationRunAsync(new GetAllocationRunRequest { Name = SubregionName + "/allocationruns/eerste" }, o).ResponseAsync, "name");
        yield return C("AllocationService/ListAllocationRuns", "token of another parent", planner, (ch, o) =>
            Runs(ch).ListAllocationRunsAsync(new ListAllocationRunsRequest { Parent = SubregionName, PageToken = foreignToken }, o).ResponseAsync, "page_token");
        yield return C("AllocationService/WatchAllocationRun", "empty name", planner, (ch, o) =>
            AuthorizationMatrix.FirstMessage(Runs(ch).WatchAllocationRun(new WatchAllocationRunRequest(), o)), "name");
        yield return C("AllocationService/CancelAllocationRun", "malformed name", planner, (ch, o) =>
            Runs(ch).CancelAllocationRunAsync(new CancelAllocationRunRequest { Name = Run + "/allocation" }, o).ResponseAsync, "name");
        yield return C("AllocationService/PublishAllocationRun", "malformed name", planner, (ch, o) =>
            Runs(ch).PublishAllocationRunAsync(new PublishAllocationRunRequest { Name = SubregionName }, o).ResponseAsync, "name");
        yield return C("AllocationService/GetAllocation", "run name instead of allocation name", planner, (ch, o) =>
            Runs(ch).GetAllocationAsync(new GetAllocationRequest { Name = Run }, o).ResponseAsync, "name");
        yield return C("AllocationService/CompareAllocationRuns", "both malformed", planner, (ch, o) =>
            Runs(ch).CompareAllocationRunsAsync(new CompareAllocationRunsRequest { BaseAllocationRun = SubregionName + "/allocationRuns/A", AllocationRun = SubregionName }, o).ResponseAsync,
            "base_allocation_run", "allocation_run");
        yield return C("AllocationService/CompareAllocationRuns", "both missing", planner, (ch, o) =>
            Runs(ch).CompareAllocationRunsAsync(new CompareAllocationRunsRequest(), o).ResponseAsync, "base_allocation_run", "allocation_run");

        yield return C("AllocationService/ReplanAllocationRun", "empty name", planner, (ch, o) =>
            Runs(ch).ReplanAllocationRunAsync(new ReplanAllocationRunRequest(), o).ResponseAsync, "name");
        yield return C("AllocationService/ReplanAllocationRun", "no disruptions, bad id", planner, (ch, o) =>
            Runs(ch).ReplanAllocationRunAsync(new ReplanAllocationRunRequest { Name = Run, AllocationRunId = "Re_Plan" }, o).ResponseAsync,
            "disruptions", "allocation_run_id");
        yield return C("AllocationService/ReplanAllocationRun", "no disruptions, settings out of range", planner, (ch, o) =>
            Runs(ch).ReplanAllocationRunAsync(new ReplanAllocationRunRequest
            {
                Name = Run,
                Settings = new RunSettings { RandomSeed = -1, TimeLimit = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.Zero) },
            }, o).ResponseAsync,
            "disruptions", "settings.time_limit", "settings.random_seed");
        yield return C("AllocationService/ReplanAllocationRun", "malformed disruptions", planner, (ch, o) =>
            Runs(ch).ReplanAllocationRunAsync(new ReplanAllocationRunRequest
            {
                Name = Run,
                Disruptions =
                {
                    new Disruption { StaffUnavailable = new Disruption.Types.StaffUnavailable { StaffMember = SchoolA + "/staff/x", Weeks = { "2026-W99" } } },
                    new Disruption(),
                    new Disruption { VenueCapacityChanged = new Disruption.Types.VenueCapacityChanged { Venue = Lab, PupilCapacity = -1 } },
                },
            }, o).ResponseAsync,
            "disruptions[0].staff_unavailable.staff_member", "disruptions[0].staff_unavailable.weeks[0]", "disruptions[1]",
            "disruptions[2].venue_capacity_changed.weeks", "disruptions[2].venue_capacity_changed.pupil_capacity");
        yield return C("AllocationService/GetAllocationDiff", "malformed name", planner, (ch, o) =>
            Runs(ch).GetAllocationDiffAsync(new GetAllocationDiffRequest { Name = Run + "/allocation" }, o).ResponseAsync, "name");
        yield return C("AllocationService/ExplainPupilPlacement", "both missing", planner, (ch, o) =>
            Runs(ch).ExplainPupilPlacementAsync(new ExplainPupilPlacementRequest(), o).ResponseAsync, "name", "pupil");
        yield return C("AllocationService/ExplainPupilPlacement", "malformed pupil", planner, (ch, o) =>
            Runs(ch).ExplainPupilPlacementAsync(new ExplainPupilPlacementRequest { Name = Run, Pupil = SchoolA + "/leerlingen/p-001" }, o).ResponseAsync, "pupil");
        yield return C("AllocationService/DiagnoseAllocationRun", "empty name", planner, (ch, o) =>
            Runs(ch).DiagnoseAllocationRunAsync(new DiagnoseAllocationRunRequest(), o).ResponseAsync, "name");

        // PupilScheduleService
        yield return C("PupilScheduleService/GetPupilSchedule", "empty name", Who.PupilOwn, (ch, o) =>
            Schedules(ch).GetPupilScheduleAsync(new GetPupilScheduleRequest(), o).ResponseAsync, "name");
        yield return C("PupilScheduleService/GetPupilSchedule", "bad weeks", Who.PupilOwn, (ch, o) =>
            Schedules(ch).GetPupilScheduleAsync(new GetPupilScheduleRequest { Name = PupilA + "/schedule", StartWeek = "W14", EndWeek = "2026-W60" }, o).ResponseAsync,
            "start_week", "end_week");
        yield return C("PupilScheduleService/WatchPupilSchedule", "malformed name", planner, (ch, o) =>
            AuthorizationMatrix.FirstMessage(Schedules(ch).WatchPupilSchedule(new WatchPupilScheduleRequest { Name = PupilA + "/rooster" }, o)), "name");
        yield return C("PupilScheduleService/ExportPupilSchedule", "pupil name instead of schedule name", coordinator, (ch, o) =>
            Schedules(ch).ExportPupilScheduleAsync(new ExportPupilScheduleRequest { Name = PupilA }, o).ResponseAsync, "name");
    }

    private static School BadLocation(School school)
    {
        school.Location.Latitude = 200;
        return school;
    }

    private static StaffMember Named(StaffMember staff, string name)
    {
        staff.Name = name;
        return staff;
    }

    private static ElectiveOffer Named(ElectiveOffer offer, string name)
    {
        offer.Name = name;
        return offer;
    }

    private static ElectiveOffer WithSession(ElectiveOffer offer, string week, string venue)
    {
        offer.Sessions.Add(new Session { Week = week, Venue = venue, StartTime = Time(13, 30), EndTime = Time(15, 30) });
        return offer;
    }

    private static ElectiveOffer WithKit(ElectiveOffer offer, string kit)
    {
        offer.KitNeeds.Add(new KitNeed { EquipmentKit = kit, CountPerGroup = 1 });
        return offer;
    }

    private static ElectiveOffer Seats(ElectiveOffer offer, int own, int open)
    {
        offer.OwnPupilSeatCount = own;
        offer.OpenSeatCount = open;
        return offer;
    }

    private static Pupil Year(Pupil pupil, int year)
    {
        pupil.Year = year;
        return pupil;
    }

    private static Pupil Ranked(Pupil pupil, params int[] ranks)
    {
        for (var i = 0; i < ranks.Length; i++)
        {
            pupil.Choices[i].Rank = ranks[i];
        }

        return pupil;
    }

    private static StaffMember Available(StaffMember staff, params string[] weeks)
    {
        staff.AvailableWeeks.Add(weeks);
        return staff;
    }

    private static StaffMember Based(StaffMember staff, string site)
    {
        staff.BaseSite = site;
        return staff;
    }

    private static Venue OfSchool(Venue venue, string school)
    {
        venue.School = school;
        return venue;
    }
}
