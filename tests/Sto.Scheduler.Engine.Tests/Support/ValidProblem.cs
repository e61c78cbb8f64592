using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Tests.Support;

/// <summary>
/// A small, valid <see cref="SchedulingProblem"/> for validation tests, and one-line edits of its entries so a test
/// states only the field it breaks: two schools, a school workshop and a company hotspot, a hosted and a host-less
/// offer, a kit, two staff members, three pupils and one travel leg over the weeks 2027-W05…W07.
/// </summary>
internal static class ValidProblem
{
    /// <summary>Week <paramref name="number"/> of 2027.</summary>
    public static Week Week(int number) => new(2027, number);

    public static SchedulingProblem Create() => new()
    {
        Subregion = "oost/c",
        Name = "Spring 2027",
        Weeks = [Week(5), Week(6), Week(7)],
        Schools =
        [
            new School { Id = new SchoolId("north"), Name = "Noordcollege", Location = new GeoPoint(52.00, 5.00) },
            new School { Id = new SchoolId("south"), Name = "Zuidcollege", Location = new GeoPoint(52.05, 5.05), ReturnBy = new TimeOnly(16, 0) },
        ],
        Venues =
        [
            new Venue
            {
                Id = new VenueId("north-workshop"), Name = "Metaalwerkplaats", Location = new GeoPoint(52.00, 5.00),
                School = new SchoolId("north"), WeeklyPupilCapacity = 30,
            },
            new Venue
            {
                Id = new VenueId("acme-hotspot"), Name = "Acme", Kind = VenueKind.CompanyHotspot,
                Location = new GeoPoint(52.02, 5.03), WeeklyPupilCapacity = 20, HostingWeeks = [Week(6), Week(7)],
                CapacityOverrides = [new VenueWeekCapacity { Week = Week(7), PupilCapacity = 10 }],
            },
        ],
        Kits = [new EquipmentKit { Id = new KitId("welding-kit"), Name = "Lasset", Count = 2 }],
        Offers = [Welding(), Robotics()],
        Staff =
        [
            new StaffMember
            {
                Id = new StaffId("de-vries"), Name = "J. de Vries", IsQualifiedTeacher = true, BaseSite = "north",
                Qualifications = ["PIE"],
            },
            new StaffMember
            {
                Id = new StaffId("jansen"), Name = "A. Jansen", Kind = StaffKind.CompanyInstructor, BaseSite = "acme-hotspot",
                Qualifications = ["ROBOT"], AvailableWeeks = [Week(6), Week(7)],
            },
        ],
        Pupils =
        [
            Pupil("p-001", "north", 3, ("welding", 1), ("robotics", 2)),
            Pupil("p-002", "south", 4, ("robotics", 1), ("welding", 2)),
            Pupil("p-003", "north", 3, ("robotics", 1)) with { CompletedElectives = ["PIE-BASIS"] },
        ],
        TravelLegs =
        [
            new TravelLeg { From = "north", To = "acme-hotspot", DistanceKm = 4.2, BikeMinutes = 17, BusMinutes = 20, CarMinutes = 10 },
        ],
    };

    public static SchedulingProblem WithSchool(this SchedulingProblem problem, int index, Func<School, School> edit) =>
        problem with { Schools = problem.Schools.SetItem(index, edit(problem.Schools[index])) };

    public static SchedulingProblem WithVenue(this SchedulingProblem problem, int index, Func<Venue, Venue> edit) =>
        problem with { Venues = problem.Venues.SetItem(index, edit(problem.Venues[index])) };

    public static SchedulingProblem WithOffer(this SchedulingProblem problem, int index, Func<ElectiveOffer, ElectiveOffer> edit) =>
        problem with { Offers = problem.Offers.SetItem(index, edit(problem.Offers[index])) };

    public static SchedulingProblem WithSession(this SchedulingProblem problem, int offer, int index, Func<Session, Session> edit) =>
        problem.WithOffer(offer, o => o with { Sessions = o.Sessions.SetItem(index, edit(o.Sessions[index])) });

    public static SchedulingProblem WithStaffMember(this SchedulingProblem problem, int index, Func<StaffMember, StaffMember> edit) =>
        problem with { Staff = problem.Staff.SetItem(index, edit(problem.Staff[index])) };

    public static SchedulingProblem WithPupil(this SchedulingProblem problem, int index, Func<Pupil, Pupil> edit) =>
        problem with { Pupils = problem.Pupils.SetItem(index, edit(problem.Pupils[index])) };

    public static SchedulingProblem WithChoice(this SchedulingProblem problem, int pupil, int index, Func<ElectiveChoice, ElectiveChoice> edit) =>
        problem.WithPupil(pupil, p => p with { Choices = p.Choices.SetItem(index, edit(p.Choices[index])) });

    public static SchedulingProblem WithTravelLeg(this SchedulingProblem problem, int index, Func<TravelLeg, TravelLeg> edit) =>
        problem with { TravelLegs = problem.TravelLegs.SetItem(index, edit(problem.TravelLegs[index])) };

    public static SchedulingProblem WithRules(this SchedulingProblem problem, Func<RegionRules, RegionRules> edit) =>
        problem with { Rules = edit(problem.Rules) };

    /// <summary>Offer 0: hosted by "north" in its own workshop, with five seats open to other schools.</summary>
    private static ElectiveOffer Welding() => new()
    {
        Id = new OfferId("welding"),
        ElectiveCode = "PIE-BOOGLAS",
        Name = "Booglasprocessen",
        Profile = "PIE",
        ProviderName = "Noordcollege",
        HostSchool = new SchoolId("north"),
        MinGroupSize = 2,
        MaxGroupSize = 10,
        OwnPupilSeats = 5,
        OpenSeats = 5,
        RequiredQualification = "PIE",
        Sessions = [Session(5, "north-workshop"), Session(6, "north-workshop"), Session(7, "north-workshop")],
        Kits = [new KitNeed { Kit = new KitId("welding-kit") }],
    };

    /// <summary>Offer 1: host-less, at the company hotspot, open to every school, for years 3 and 4.</summary>
    private static ElectiveOffer Robotics() => new()
    {
        Id = new OfferId("robotics"),
        ElectiveCode = "PIE-ROBOT",
        Name = "Robotica",
        Profile = "PIE",
        ProviderName = "Acme",
        MinGroupSize = 2,
        MaxGroupSize = 12,
        OpenSeats = 12,
        RequiredQualification = "ROBOT",
        Eligibility = new Eligibility { Years = [3, 4] },
        Sessions = [Session(6, "acme-hotspot"), Session(7, "acme-hotspot")],
    };

    private static Session Session(int week, string venue) => new()
    {
        Week = Week(week),
        Venue = new VenueId(venue),
        Start = new TimeOnly(13, 30),
        End = new TimeOnly(15, 30),
    };

    private static Pupil Pupil(string id, string school, int year, params (string Offer, int Rank)[] choices) => new()
    {
        Id = new PupilId(id),
        School = new SchoolId(school),
        Year = year,
        Profile = "PIE",
        Choices = [.. choices.Select(c => new ElectiveChoice { Offer = new OfferId(c.Offer), Rank = c.Rank })],
    };
}
