using Google.Protobuf.WellKnownTypes;
using Google.Type;
using Grpc.Core;
using Sto.Scheduler.Api.V1;
using DayOfWeek = Google.Type.DayOfWeek;

namespace Sto.Scheduler.Grpc.Tests.Support;

/// <summary>A small valid subregion: two schools 2 km apart, one lab, one offer, one docent, two pupils.</summary>
public static class TestData
{
    public const string Region = "regions/oost";
    public const string SubregionName = "regions/oost/subregions/c";
    public const string SchoolA = SubregionName + "/schools/noord";
    public const string SchoolB = SubregionName + "/schools/zuid";
    public const string Lab = SubregionName + "/venues/lab-noord";
    public const string Offer = SchoolA + "/electiveOffers/booglas";
    public const string PupilA = SchoolA + "/pupils/p-001";
    public const string PupilB = SchoolB + "/pupils/p-101";
    public static readonly string[] Weeks = ["2026-W14", "2026-W15", "2026-W16"];

    public static Api.V1.Subregion NewSubregion(DateTimeOffset? deadline = null) => new()
    {
        DisplayName = "Subregio C",
        Afternoon = new CommonAfternoon { Weekday = DayOfWeek.Tuesday, StartTime = Time(12, 45), EndTime = Time(16, 15) },
        Weeks = { Weeks },
        SubmissionDeadlineTime = deadline is null ? null : Timestamp.FromDateTimeOffset(deadline.Value),
    };

    public static School NewSchool(string name, double latitude) => new()
    {
        DisplayName = name,
        Location = new LatLng { Latitude = latitude, Longitude = 6.9 },
        Address = $"{name}straat 1, Enschede",
        LearningPaths = { LearningPath.Basic, LearningPath.Advanced },
        Profiles = { "PIE" },
    };

    public static Venue NewLab() => new()
    {
        DisplayName = "Techlab Noord",
        Kind = Venue.Types.Kind.SchoolWorkshop,
        Location = new LatLng { Latitude = 52.24, Longitude = 6.9 },
        Address = "Labweg 2, Enschede",
        School = SchoolA,
        WeeklyPupilCapacity = 40,
    };

    public static ElectiveOffer NewOffer() => new()
    {
        ElectiveCode = "PIE-BOOGLAS",
        DisplayName = "Booglasprocessen",
        Profile = "PIE",
        MinGroupSize = 1,
        MaxGroupSize = 15,
        MaxParallelGroups = 1,
        OwnPupilSeatCount = 10,
        OpenSeatCount = 5,
        RequiredQualification = "PIE",
        Sessions = { Weeks.Select(w => new Session { Week = w, Venue = Lab, StartTime = Time(13, 30), EndTime = Time(15, 30) }) },
    };

    public static StaffMember NewDocent() => new()
    {
        DisplayName = "Dhr. De Vries",
        Kind = StaffKind.Docent,
        QualifiedTeacher = true,
        Qualifications = { "PIE" },
    };

    public static Pupil NewPupil(string name, params string[] choices) => new()
    {
        Name = name,
        LearningPath = LearningPath.Advanced,
        Year = 3,
        Profile = "PIE",
        Choices = { choices.Select((c, i) => new ElectiveChoice { ElectiveOffer = c, Rank = i + 1 }) },
    };

    public static TimeOfDay Time(int hours, int minutes) => new() { Hours = hours, Minutes = minutes };

    /// <summary>Creates the whole subregion through the API as its planner and the schools' coordinators.</summary>
    public static async Task SeedAsync(SchedulerAppFactory app, DateTimeOffset? deadline = null)
    {
        var planner = app.Planner();
        await new SubregionService.SubregionServiceClient(app.Channel).CreateSubregionAsync(
            new CreateSubregionRequest { Parent = Region, SubregionId = "c", Subregion = NewSubregion() }, planner);
        var schools = new SchoolService.SchoolServiceClient(app.Channel);
        await schools.CreateSchoolAsync(new CreateSchoolRequest { Parent = SubregionName, SchoolId = "noord", School = NewSchool("Noord", 52.24) }, planner);
        await schools.CreateSchoolAsync(new CreateSchoolRequest { Parent = SubregionName, SchoolId = "zuid", School = NewSchool("Zuid", 52.222) }, planner);
        await new VenueService.VenueServiceClient(app.Channel).CreateVenueAsync(
            new CreateVenueRequest { Parent = SubregionName, VenueId = "lab-noord", Venue = NewLab() }, planner);
        await new ElectiveOfferService.ElectiveOfferServiceClient(app.Channel).CreateElectiveOfferAsync(
            new CreateElectiveOfferRequest { Parent = SchoolA, ElectiveOfferId = "booglas", ElectiveOffer = NewOffer() }, app.Coordinator());
        await new StaffService.StaffServiceClient(app.Channel).CreateStaffMemberAsync(
            new CreateStaffMemberRequest { Parent = SchoolA, StaffMemberId = "de-vries", StaffMember = NewDocent() }, app.Coordinator());
        var pupils = new PupilService.PupilServiceClient(app.Channel);
        await pupils.BatchUpsertPupilsAsync(new BatchUpsertPupilsRequest { Parent = SchoolA, Pupils = { NewPupil(PupilA, Offer) } }, app.Coordinator());
        await pupils.BatchUpsertPupilsAsync(new BatchUpsertPupilsRequest { Parent = SchoolB, Pupils = { NewPupil(PupilB, Offer) } }, app.Coordinator(SchoolB));
        if (deadline is not null)
        {
            await new SubregionService.SubregionServiceClient(app.Channel).UpdateSubregionAsync(
                new UpdateSubregionRequest
                {
                    Subregion = new Api.V1.Subregion { Name = SubregionName, SubmissionDeadlineTime = Timestamp.FromDateTimeOffset(deadline.Value) },
                    UpdateMask = new FieldMask { Paths = { "submission_deadline_time" } },
                },
                planner);
        }
    }
}
