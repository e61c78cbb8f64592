using Google.Type;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Grpc.Auth;
using DayOfWeek = Google.Type.DayOfWeek;

namespace Sto.Scheduler.Client.Tests.Support;

/// <summary>A small valid subregion (two schools 2 km apart, one lab, one offer, one docent, two pupils), created through the typed client.</summary>
public static class TestData
{
    public const string SigningKey = "client-test-signing-key-0123456789-abcdef";
    public const string Region = "regions/oost";
    public const string SubregionName = "regions/oost/subregions/c";
    public const string SchoolA = SubregionName + "/schools/noord";
    public const string SchoolB = SubregionName + "/schools/zuid";
    public const string Lab = SubregionName + "/venues/lab-noord";
    public const string Offer = SchoolA + "/electiveOffers/booglas";
    public const string PupilA = SchoolA + "/pupils/p-001";
    public const string PupilB = SchoolB + "/pupils/p-101";
    public static readonly string[] Weeks = ["2026-W14", "2026-W15", "2026-W16"];

    public static TimeOfDay Time(int hours, int minutes) => new() { Hours = hours, Minutes = minutes };

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

    public static Pupil NewPupil(string name, params string[] choices) => new()
    {
        Name = name,
        LearningPath = LearningPath.Advanced,
        Year = 3,
        Profile = "PIE",
        Choices = { choices.Select((c, i) => new ElectiveChoice { ElectiveOffer = c, Rank = i + 1 }) },
    };

    public static async Task SeedAsync(ClientAppFactory app)
    {
        using var planner = app.Client(app.PlannerToken);
        await planner.Subregions.CreateSubregionAsync(new CreateSubregionRequest
        {
            Parent = Region,
            SubregionId = "c",
            Subregion = new Api.V1.Subregion
            {
                DisplayName = "Subregio C",
                Afternoon = new CommonAfternoon { Weekday = DayOfWeek.Tuesday, StartTime = Time(12, 45), EndTime = Time(16, 15) },
                Weeks = { Weeks },
            },
        });
        foreach (var (id, latitude) in new[] { ("noord", 52.24), ("zuid", 52.222) })
        {
            await planner.Schools.CreateSchoolAsync(new CreateSchoolRequest
            {
                Parent = SubregionName,
                SchoolId = id,
                School = new School
                {
                    DisplayName = id,
                    Location = new LatLng { Latitude = latitude, Longitude = 6.9 },
                    Address = $"{id}straat 1, Enschede",
                    LearningPaths = { LearningPath.Basic, LearningPath.Advanced },
                    Profiles = { "PIE" },
                },
            });
        }

        await planner.Venues.CreateVenueAsync(new CreateVenueRequest
        {
            Parent = SubregionName,
            VenueId = "lab-noord",
            Venue = new Venue
            {
                DisplayName = "Techlab Noord",
                Kind = Venue.Types.Kind.SchoolWorkshop,
                Location = new LatLng { Latitude = 52.24, Longitude = 6.9 },
                Address = "Labweg 2, Enschede",
                School = SchoolA,
                WeeklyPupilCapacity = 40,
            },
        });
        await planner.Offers.CreateElectiveOfferAsync(new CreateElectiveOfferRequest { Parent = SchoolA, ElectiveOfferId = "booglas", ElectiveOffer = NewOffer() });
        await planner.Staff.CreateStaffMemberAsync(new CreateStaffMemberRequest
        {
            Parent = SchoolA,
            StaffMemberId = "de-vries",
            StaffMember = new StaffMember { DisplayName = "Dhr. De Vries", Kind = StaffKind.Docent, QualifiedTeacher = true, Qualifications = { "PIE" } },
        });
        await planner.Pupils.BatchUpsertPupilsAsync(new BatchUpsertPupilsRequest { Parent = SchoolA, Pupils = { NewPupil(PupilA, Offer) } });
        await planner.Pupils.BatchUpsertPupilsAsync(new BatchUpsertPupilsRequest { Parent = SchoolB, Pupils = { NewPupil(PupilB, Offer) } });
    }

    public static string CoordinatorToken(ClientAppFactory app, string school) => app.Token(Roles.Coordinator, school);
}
