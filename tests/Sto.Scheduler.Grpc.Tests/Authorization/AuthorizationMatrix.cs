using Grpc.Core;
using Grpc.Net.Client;
using Sto.Scheduler.Api.V1;
using static Sto.Scheduler.Grpc.Tests.Authorization.MatrixFixture;
using static Sto.Scheduler.Grpc.Tests.Authorization.Who;
using static Sto.Scheduler.Grpc.Tests.Support.TestData;

namespace Sto.Scheduler.Grpc.Tests.Authorization;

/// <summary>
/// One row per RPC: who may call it and the code an allowed caller gets on the seeded resource; everybody
/// else gets PERMISSION_DENIED (UNAUTHENTICATED without a valid token). <c>Call(channel, existing, options)</c>
/// targets a seeded resource when <c>existing</c>, otherwise a resource of the same shape that does not exist.
/// </summary>
public sealed record MatrixRow(string Method, Who[] Allowed, StatusCode AllowedCode, Func<GrpcChannel, bool, CallOptions, Task> Call)
{
    public StatusCode Expected(Who who) =>
        who is None or InvalidToken ? StatusCode.Unauthenticated
        : Allowed.Contains(who) ? AllowedCode
        : StatusCode.PermissionDenied;

    public override string ToString() => Method;
}

public static class AuthorizationMatrix
{
    public const string WrongEtag = "\"not-the-etag\"";
    public const string MissingRegion = "regions/bestaat-niet";
    public const string MissingSubregion = "regions/oost/subregions/bestaat-niet";
    public const string MissingSchool = SubregionName + "/schools/bestaat-niet";
    public const string MissingPupil = SchoolA + "/pupils/bestaat-niet";
    public const string MissingRun = SubregionName + "/allocationRuns/bestaat-niet";

    private static readonly Who[] PlannerOnly = [PlannerOwn];
    private static readonly Who[] SubregionReaders = [PlannerOwn, CoordinatorOwn, CoordinatorOther];
    private static readonly Who[] SchoolMembers = [PlannerOwn, CoordinatorOwn];
    private static readonly Who[] ScheduleReaders = [PupilOwn, AppWide, CoordinatorOwn, PlannerOwn];

    /// <summary>Every RPC of every service, keyed "Service/Method".</summary>
    public static readonly IReadOnlyDictionary<string, MatrixRow> Rows = BuildRows().ToDictionary(r => r.Method);

    private static IEnumerable<MatrixRow> BuildRows()
    {
        // SubregionService: subregions
        yield return Row("SubregionService/GetSubregion", SubregionReaders, StatusCode.OK, (ch, e, o) =>
            new SubregionService.SubregionServiceClient(ch).GetSubregionAsync(new GetSubregionRequest { Name = Pick(e, SubregionName, MissingSubregion) }, o).ResponseAsync);
        yield return Row("SubregionService/ListSubregions", [PlannerOwn, PlannerOther, CoordinatorOwn, CoordinatorOther], StatusCode.OK, (ch, e, o) =>
            new SubregionService.SubregionServiceClient(ch).ListSubregionsAsync(new ListSubregionsRequest { Parent = Pick(e, Region, MissingRegion) }, o).ResponseAsync);
        yield return Row("SubregionService/CreateSubregion", PlannerOnly, StatusCode.OK, (ch, e, o) =>
            new SubregionService.SubregionServiceClient(ch).CreateSubregionAsync(
                new CreateSubregionRequest { Parent = Pick(e, Region, MissingRegion), SubregionId = "c", Subregion = NewSubregion(), ValidateOnly = true }, o).ResponseAsync);
        yield return Row("SubregionService/UpdateSubregion", PlannerOnly, StatusCode.OK, (ch, e, o) =>
            new SubregionService.SubregionServiceClient(ch).UpdateSubregionAsync(
                new UpdateSubregionRequest { Subregion = Named(NewSubregion(), Pick(e, SubregionName, MissingSubregion)), ValidateOnly = true }, o).ResponseAsync);
        yield return Row("SubregionService/DeleteSubregion", PlannerOnly, StatusCode.Aborted, (ch, e, o) =>
            new SubregionService.SubregionServiceClient(ch).DeleteSubregionAsync(
                new DeleteSubregionRequest { Name = Pick(e, SubregionName, MissingSubregion), Etag = WrongEtag }, o).ResponseAsync);

        // SubregionService: equipment kits
        yield return Row("SubregionService/GetEquipmentKit", SubregionReaders, StatusCode.OK, (ch, e, o) =>
            new SubregionService.SubregionServiceClient(ch).GetEquipmentKitAsync(new GetEquipmentKitRequest { Name = Pick(e, Kit, SubregionName + "/equipmentKits/bestaat-niet") }, o).ResponseAsync);
        yield return Row("SubregionService/ListEquipmentKits", SubregionReaders, StatusCode.OK, (ch, e, o) =>
            new SubregionService.SubregionServiceClient(ch).ListEquipmentKitsAsync(new ListEquipmentKitsRequest { Parent = Pick(e, SubregionName, MissingSubregion) }, o).ResponseAsync);
        yield return Row("SubregionService/CreateEquipmentKit", PlannerOnly, StatusCode.OK, (ch, e, o) =>
            new SubregionService.SubregionServiceClient(ch).CreateEquipmentKitAsync(new CreateEquipmentKitRequest
            {
                Parent = Pick(e, SubregionName, MissingSubregion), EquipmentKitId = "nieuw", EquipmentKit = NewKit(), ValidateOnly = true,
            }, o).ResponseAsync);
        yield return Row("SubregionService/UpdateEquipmentKit", PlannerOnly, StatusCode.OK, (ch, e, o) =>
            new SubregionService.SubregionServiceClient(ch).UpdateEquipmentKitAsync(new UpdateEquipmentKitRequest
            {
                EquipmentKit = Named(NewKit(), Pick(e, Kit, SubregionName + "/equipmentKits/bestaat-niet")), ValidateOnly = true,
            }, o).ResponseAsync);
        yield return Row("SubregionService/DeleteEquipmentKit", PlannerOnly, StatusCode.Aborted, (ch, e, o) =>
            new SubregionService.SubregionServiceClient(ch).DeleteEquipmentKitAsync(
                new DeleteEquipmentKitRequest { Name = Pick(e, Kit, SubregionName + "/equipmentKits/bestaat-niet"), Etag = WrongEtag }, o).ResponseAsync);

        // SchoolService
        yield return Row("SchoolService/GetSchool", SubregionReaders, StatusCode.OK, (ch, e, o) =>
            new SchoolService.SchoolServiceClient(ch).GetSchoolAsync(new GetSchoolRequest { Name = Pick(e, SchoolA, MissingSchool) }, o).ResponseAsync);
        yield return Row("SchoolService/ListSchools", SubregionReaders, StatusCode.OK, (ch, e, o) =>
            new SchoolService.SchoolServiceClient(ch).ListSchoolsAsync(new ListSchoolsRequest { Parent = Pick(e, SubregionName, MissingSubregion) }, o).ResponseAsync);
        yield return Row("SchoolService/CreateSchool", PlannerOnly, StatusCode.OK, (ch, e, o) =>
            new SchoolService.SchoolServiceClient(ch).CreateSchoolAsync(new CreateSchoolRequest
            {
                Parent = Pick(e, SubregionName, MissingSubregion), SchoolId = "west", School = NewSchool("West", 52.2), ValidateOnly = true,
            }, o).ResponseAsync);
        yield return Row("SchoolService/UpdateSchool", SchoolMembers, StatusCode.OK, (ch, e, o) =>
            new SchoolService.SchoolServiceClient(ch).UpdateSchoolAsync(
                new UpdateSchoolRequest { School = Named(NewSchool("Noord", 52.24), Pick(e, SchoolA, MissingSchool)), ValidateOnly = true }, o).ResponseAsync);
        yield return Row("SchoolService/DeleteSchool", PlannerOnly, StatusCode.Aborted, (ch, e, o) =>
            new SchoolService.SchoolServiceClient(ch).DeleteSchoolAsync(new DeleteSchoolRequest { Name = Pick(e, SchoolA, MissingSchool), Etag = WrongEtag }, o).ResponseAsync);

        // VenueService
        const string missingVenue = SubregionName + "/venues/bestaat-niet";
        yield return Row("VenueService/GetVenue", SubregionReaders, StatusCode.OK, (ch, e, o) =>
            new VenueService.VenueServiceClient(ch).GetVenueAsync(new GetVenueRequest { Name = Pick(e, Lab, missingVenue) }, o).ResponseAsync);
        yield return Row("VenueService/ListVenues", SubregionReaders, StatusCode.OK, (ch, e, o) =>
            new VenueService.VenueServiceClient(ch).ListVenuesAsync(new ListVenuesRequest { Parent = Pick(e, SubregionName, MissingSubregion) }, o).ResponseAsync);
        yield return Row("VenueService/CreateVenue", PlannerOnly, StatusCode.OK, (ch, e, o) =>
            new VenueService.VenueServiceClient(ch).CreateVenueAsync(new CreateVenueRequest
            {
                Parent = Pick(e, SubregionName, MissingSubregion), VenueId = "hal", Venue = NewLab(), ValidateOnly = true,
            }, o).ResponseAsync);
        yield return Row("VenueService/UpdateVenue", PlannerOnly, StatusCode.OK, (ch, e, o) =>
            new VenueService.VenueServiceClient(ch).UpdateVenueAsync(
                new UpdateVenueRequest { Venue = Named(NewLab(), Pick(e, Lab, missingVenue)), ValidateOnly = true }, o).ResponseAsync);
        yield return Row("VenueService/DeleteVenue", PlannerOnly, StatusCode.Aborted, (ch, e, o) =>
            new VenueService.VenueServiceClient(ch).DeleteVenueAsync(new DeleteVenueRequest { Name = Pick(e, Lab, missingVenue), Etag = WrongEtag }, o).ResponseAsync);

        // ElectiveOfferService: every school of the subregion reads offers; the own school and the planners write.
        const string missingOffer = SchoolA + "/electiveOffers/bestaat-niet";
        yield return Row("ElectiveOfferService/GetElectiveOffer", SubregionReaders, StatusCode.OK, (ch, e, o) =>
            new ElectiveOfferService.ElectiveOfferServiceClient(ch).GetElectiveOfferAsync(new GetElectiveOfferRequest { Name = Pick(e, Offer, missingOffer) }, o).ResponseAsync);
        yield return Row("ElectiveOfferService/ListElectiveOffers", SubregionReaders, StatusCode.OK, (ch, e, o) =>
            new ElectiveOfferService.ElectiveOfferServiceClient(ch).ListElectiveOffersAsync(new ListElectiveOffersRequest { Parent = Pick(e, SchoolA, MissingSchool) }, o).ResponseAsync);
        yield return Row("ElectiveOfferService/CreateElectiveOffer", SchoolMembers, StatusCode.OK, (ch, e, o) =>
            new ElectiveOfferService.ElectiveOfferServiceClient(ch).CreateElectiveOfferAsync(new CreateElectiveOfferRequest
            {
                Parent = Pick(e, SchoolA, MissingSchool), ElectiveOfferId = "nieuw", ElectiveOffer = NewOffer(), ValidateOnly = true,
            }, o).ResponseAsync);
        yield return Row("ElectiveOfferService/UpdateElectiveOffer", SchoolMembers, StatusCode.OK, (ch, e, o) =>
            new ElectiveOfferService.ElectiveOfferServiceClient(ch).UpdateElectiveOfferAsync(
                new UpdateElectiveOfferRequest { ElectiveOffer = Named(NewOffer(), Pick(e, Offer, missingOffer)), ValidateOnly = true }, o).ResponseAsync);
        yield return Row("ElectiveOfferService/BatchUpsertElectiveOffers", SchoolMembers, StatusCode.OK, (ch, e, o) =>
            new ElectiveOfferService.ElectiveOfferServiceClient(ch).BatchUpsertElectiveOffersAsync(new BatchUpsertElectiveOffersRequest
            {
                Parent = Pick(e, SchoolA, MissingSchool), ElectiveOffers = { Named(NewOffer(), Pick(e, Offer, MissingSchool + "/electiveOffers/booglas")) }, ValidateOnly = true,
            }, o).ResponseAsync);
        yield return Row("ElectiveOfferService/DeleteElectiveOffer", SchoolMembers, StatusCode.Aborted, (ch, e, o) =>
            new ElectiveOfferService.ElectiveOfferServiceClient(ch).DeleteElectiveOfferAsync(
                new DeleteElectiveOfferRequest { Name = Pick(e, Offer, missingOffer), Etag = WrongEtag }, o).ResponseAsync);

        // PupilService: pupils are the own school's and the planners' only.
        yield return Row("PupilService/GetPupil", SchoolMembers, StatusCode.OK, (ch, e, o) =>
            new PupilService.PupilServiceClient(ch).GetPupilAsync(new GetPupilRequest { Name = Pick(e, PupilA, MissingPupil) }, o).ResponseAsync);
        yield return Row("PupilService/ListPupils", SchoolMembers, StatusCode.OK, (ch, e, o) =>
            new PupilService.PupilServiceClient(ch).ListPupilsAsync(new ListPupilsRequest { Parent = Pick(e, SchoolA, MissingSchool) }, o).ResponseAsync);
        yield return Row("PupilService/CreatePupil", SchoolMembers, StatusCode.OK, (ch, e, o) =>
            new PupilService.PupilServiceClient(ch).CreatePupilAsync(new CreatePupilRequest
            {
                Parent = Pick(e, SchoolA, MissingSchool), PupilId = "p-999", Pupil = NewPupil("", Offer), ValidateOnly = true,
            }, o).ResponseAsync);
        yield return Row("PupilService/UpdatePupil", SchoolMembers, StatusCode.OK, (ch, e, o) =>
            new PupilService.PupilServiceClient(ch).UpdatePupilAsync(
                new UpdatePupilRequest { Pupil = NewPupil(Pick(e, PupilA, MissingPupil), Offer), ValidateOnly = true }, o).ResponseAsync);
        yield return Row("PupilService/DeletePupil", SchoolMembers, StatusCode.Aborted, (ch, e, o) =>
            new PupilService.PupilServiceClient(ch).DeletePupilAsync(new DeletePupilRequest { Name = Pick(e, PupilA, MissingPupil), Etag = WrongEtag }, o).ResponseAsync);
        yield return Row("PupilService/BatchUpsertPupils", SchoolMembers, StatusCode.OK, (ch, e, o) =>
            new PupilService.PupilServiceClient(ch).BatchUpsertPupilsAsync(new BatchUpsertPupilsRequest
            {
                Parent = Pick(e, SchoolA, MissingSchool), Pupils = { NewPupil(Pick(e, PupilA, MissingSchool + "/pupils/p-001"), Offer) }, ValidateOnly = true,
            }, o).ResponseAsync);

        // StaffService: like pupils.
        const string staff = SchoolA + "/staffMembers/de-vries";
        const string missingStaff = SchoolA + "/staffMembers/bestaat-niet";
        yield return Row("StaffService/GetStaffMember", SchoolMembers, StatusCode.OK, (ch, e, o) =>
            new StaffService.StaffServiceClient(ch).GetStaffMemberAsync(new GetStaffMemberRequest { Name = Pick(e, staff, missingStaff) }, o).ResponseAsync);
        yield return Row("StaffService/ListStaffMembers", SchoolMembers, StatusCode.OK, (ch, e, o) =>
            new StaffService.StaffServiceClient(ch).ListStaffMembersAsync(new ListStaffMembersRequest { Parent = Pick(e, SchoolA, MissingSchool) }, o).ResponseAsync);
        yield return Row("StaffService/CreateStaffMember", SchoolMembers, StatusCode.OK, (ch, e, o) =>
            new StaffService.StaffServiceClient(ch).CreateStaffMemberAsync(new CreateStaffMemberRequest
            {
                Parent = Pick(e, SchoolA, MissingSchool), StaffMemberId = "jansen", StaffMember = NewDocent(), ValidateOnly = true,
            }, o).ResponseAsync);
        yield return Row("StaffService/UpdateStaffMember", SchoolMembers, StatusCode.OK, (ch, e, o) =>
            new StaffService.StaffServiceClient(ch).UpdateStaffMemberAsync(
                new UpdateStaffMemberRequest { StaffMember = Named(NewDocent(), Pick(e, staff, missingStaff)), ValidateOnly = true }, o).ResponseAsync);
        yield return Row("StaffService/DeleteStaffMember", SchoolMembers, StatusCode.Aborted, (ch, e, o) =>
            new StaffService.StaffServiceClient(ch).DeleteStaffMemberAsync(new DeleteStaffMemberRequest { Name = Pick(e, staff, missingStaff), Etag = WrongEtag }, o).ResponseAsync);
        yield return Row("StaffService/BatchUpsertStaffMembers", SchoolMembers, StatusCode.OK, (ch, e, o) =>
            new StaffService.StaffServiceClient(ch).BatchUpsertStaffMembersAsync(new BatchUpsertStaffMembersRequest
            {
                Parent = Pick(e, SchoolA, MissingSchool), StaffMembers = { Named(NewDocent(), Pick(e, staff, MissingSchool + "/staffMembers/de-vries")) }, ValidateOnly = true,
            }, o).ResponseAsync);

        // AllocationService: the subregion's planners only.
        yield return Row("AllocationService/CreateAllocationRun", PlannerOnly, StatusCode.OK, (ch, e, o) =>
            new AllocationService.AllocationServiceClient(ch).CreateAllocationRunAsync(new CreateAllocationRunRequest
            {
                Parent = Pick(e, SubregionName, MissingSubregion), AllocationRun = new AllocationRun(), ValidateOnly = true,
            }, o).ResponseAsync);
        yield return Row("AllocationService/GetAllocationRun", PlannerOnly, StatusCode.OK, (ch, e, o) =>
            new AllocationService.AllocationServiceClient(ch).GetAllocationRunAsync(new GetAllocationRunRequest { Name = Pick(e, Run, MissingRun) }, o).ResponseAsync);
        yield return Row("AllocationService/ListAllocationRuns", PlannerOnly, StatusCode.OK, (ch, e, o) =>
            new AllocationService.AllocationServiceClient(ch).ListAllocationRunsAsync(new ListAllocationRunsRequest { Parent = Pick(e, SubregionName, MissingSubregion) }, o).ResponseAsync);
        yield return Row("AllocationService/WatchAllocationRun", PlannerOnly, StatusCode.OK, (ch, e, o) =>
            FirstMessage(new AllocationService.AllocationServiceClient(ch).WatchAllocationRun(new WatchAllocationRunRequest { Name = Pick(e, Run, MissingRun) }, o)));
        yield return Row("AllocationService/CancelAllocationRun", PlannerOnly, StatusCode.FailedPrecondition, (ch, e, o) =>
            new AllocationService.AllocationServiceClient(ch).CancelAllocationRunAsync(new CancelAllocationRunRequest { Name = Pick(e, Run, MissingRun) }, o).ResponseAsync);
        yield return Row("AllocationService/PublishAllocationRun", PlannerOnly, StatusCode.Aborted, (ch, e, o) =>
            new AllocationService.AllocationServiceClient(ch).PublishAllocationRunAsync(
                new PublishAllocationRunRequest { Name = Pick(e, Run, MissingRun), Etag = WrongEtag }, o).ResponseAsync);
        yield return Row("AllocationService/GetAllocation", PlannerOnly, StatusCode.OK, (ch, e, o) =>
            new AllocationService.AllocationServiceClient(ch).GetAllocationAsync(new GetAllocationRequest { Name = Pick(e, Run, MissingRun) + "/allocation" }, o).ResponseAsync);
        yield return Row("AllocationService/CompareAllocationRuns", PlannerOnly, StatusCode.OK, (ch, e, o) =>
            new AllocationService.AllocationServiceClient(ch).CompareAllocationRunsAsync(
                new CompareAllocationRunsRequest { BaseAllocationRun = Pick(e, Run, MissingRun), AllocationRun = Pick(e, Run, MissingRun) }, o).ResponseAsync);

        yield return Row("AllocationService/ReplanAllocationRun", PlannerOnly, StatusCode.OK, (ch, e, o) =>
            new AllocationService.AllocationServiceClient(ch).ReplanAllocationRunAsync(new ReplanAllocationRunRequest
            {
                Name = Pick(e, Run, MissingRun), ValidateOnly = true,
                Disruptions = { new Disruption { StaffUnavailable = new Disruption.Types.StaffUnavailable { StaffMember = SchoolA + "/staffMembers/de-vries", Weeks = { "2026-W14" } } } },
            }, o).ResponseAsync);
        yield return Row("AllocationService/GetAllocationDiff", PlannerOnly, StatusCode.FailedPrecondition, (ch, e, o) =>
            new AllocationService.AllocationServiceClient(ch).GetAllocationDiffAsync(new GetAllocationDiffRequest { Name = Pick(e, Run, MissingRun) }, o).ResponseAsync);
        yield return Row("AllocationService/ExplainPupilPlacement", [PlannerOwn, CoordinatorOwn, PupilOwn], StatusCode.OK, (ch, e, o) =>
            new AllocationService.AllocationServiceClient(ch).ExplainPupilPlacementAsync(
                new ExplainPupilPlacementRequest { Name = Pick(e, Run, MissingRun), Pupil = PupilA }, o).ResponseAsync);
        yield return Row("AllocationService/DiagnoseAllocationRun", PlannerOnly, StatusCode.OK, (ch, e, o) =>
            new AllocationService.AllocationServiceClient(ch).DiagnoseAllocationRunAsync(new DiagnoseAllocationRunRequest { Name = Pick(e, Run, MissingRun) }, o).ResponseAsync);

        // PupilScheduleService: the pupil's own app, the app-wide token, the pupil's coordinator, the planners.
        yield return Row("PupilScheduleService/GetPupilSchedule", ScheduleReaders, StatusCode.OK, (ch, e, o) =>
            new PupilScheduleService.PupilScheduleServiceClient(ch).GetPupilScheduleAsync(
                new GetPupilScheduleRequest { Name = Pick(e, PupilA, MissingPupil) + "/schedule" }, o).ResponseAsync);
        yield return Row("PupilScheduleService/WatchPupilSchedule", ScheduleReaders, StatusCode.OK, (ch, e, o) =>
            FirstMessage(new PupilScheduleService.PupilScheduleServiceClient(ch).WatchPupilSchedule(
                new WatchPupilScheduleRequest { Name = Pick(e, PupilA, MissingPupil) + "/schedule" }, o)));
        yield return Row("PupilScheduleService/ExportPupilSchedule", ScheduleReaders, StatusCode.OK, (ch, e, o) =>
            new PupilScheduleService.PupilScheduleServiceClient(ch).ExportPupilScheduleAsync(
                new ExportPupilScheduleRequest { Name = Pick(e, PupilA, MissingPupil) + "/schedule" }, o).ResponseAsync);
    }

    private static MatrixRow Row(string method, Who[] allowed, StatusCode allowedCode, Func<GrpcChannel, bool, CallOptions, Task> call) =>
        new(method, allowed, allowedCode, call);

    private static string Pick(bool existing, string existingName, string missingName) => existing ? existingName : missingName;

    private static T Named<T>(T message, string name)
        where T : Google.Protobuf.IMessage
    {
        message.Descriptor.FindFieldByName("name").Accessor.SetValue(message, name);
        return message;
    }

    private static EquipmentKit NewKit() => new() { DisplayName = "Lasset", KitCount = 3 };

    /// <summary>Reads the first message of a stream (or its error) and then cancels the stream.</summary>
    internal static async Task FirstMessage<T>(AsyncServerStreamingCall<T> call)
    {
        using (call)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            if (!await call.ResponseStream.MoveNext(timeout.Token))
            {
                throw new InvalidOperationException("The stream ended without a message.");
            }
        }
    }
}
