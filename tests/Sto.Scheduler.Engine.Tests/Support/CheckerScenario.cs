using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Engine.Tests.Support;

/// <summary>
/// A small subregion with a valid allocation, built by hand so every number can be checked on paper.
/// Schools north and south; weeks 2026-W14..W16 on the default afternoon 12:45–16:15.
/// <list type="bullet">
/// <item>metal (host north, 6–16, own seats 8, open seats 4): W14 practical and W15 theory at north-workshop
/// 13:00–15:00, W16 practical at the company hotspot 13:30–15:30; one welder kit per group.</item>
/// <item>wood (host south, 4–15, own seats 4, closed to others): W14–W16 practical at south-lab 13:00–15:00.</item>
/// <item>robot (no host, 6–15, open seats 15): W14–W16 at north-workshop; nobody is placed, so it is a near miss.</item>
/// </list>
/// Pupils n1..n8 (north) take metal at rank 1 (n1, n2 ranked robot 2nd); s1..s4 take wood at rank 1;
/// s5 takes metal at rank 1 and s6 at rank 2 (both by bus); s7 wanted only robot and is unplaced.
/// Travel: north→hotspot 3 km (bike 12, car 8); south→north-workshop 10 km (bus 25); south→hotspot 8 km (bus 20).
/// Staff: de-vries (qualified docent, PIE, base north) every metal week plus instructor bakker (company, base hotspot)
/// in W16; jansen (qualified docent, BWI, base south) every wood week.
/// </summary>
internal static class CheckerScenario
{
    public static readonly Week W14 = new(2026, 14);
    public static readonly Week W15 = new(2026, 15);
    public static readonly Week W16 = new(2026, 16);
    public static readonly Week W17 = new(2026, 17);

    public static readonly string[] NorthPupils = ["n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8"];

    public static SchedulingProblem Problem() => new()
    {
        Rules = new RegionRules { StaffWorkForOwnProviderOnly = false },
        Subregion = "test/checker",
        Weeks = [W14, W15, W16],
        Schools =
        [
            new School { Id = new("north"), Location = new(52.00, 5.00) },
            new School { Id = new("south"), Location = new(51.92, 5.00), ReleaseTime = new(12, 30) },
        ],
        Venues =
        [
            new Venue { Id = new("north-workshop"), School = new SchoolId("north"), Location = new(52.00, 5.00), WeeklyPupilCapacity = 20 },
            new Venue { Id = new("south-lab"), School = new SchoolId("south"), Location = new(51.92, 5.00), WeeklyPupilCapacity = 20 },
            new Venue { Id = new("hotspot"), Kind = VenueKind.CompanyHotspot, Location = new(51.99, 5.03), WeeklyPupilCapacity = 20, HostingWeeks = [W16] },
        ],
        Offers = [Metal(), Wood(), Robot()],
        Staff =
        [
            new StaffMember { Id = new("de-vries"), Kind = StaffKind.Docent, IsQualifiedTeacher = true, BaseSite = "north", Qualifications = ["PIE"] },
            new StaffMember { Id = new("bakker"), Kind = StaffKind.CompanyInstructor, BaseSite = "hotspot", Qualifications = ["PIE"], AvailableWeeks = [W16] },
            new StaffMember { Id = new("jansen"), Kind = StaffKind.Docent, IsQualifiedTeacher = true, BaseSite = "south", Qualifications = ["BWI"] },
        ],
        Pupils =
        [
            .. NorthPupils.Select(id => Pupil(id, "north", id is "n1" or "n2" ? ["metal", "robot"] : ["metal"])),
            .. new[] { "s1", "s2", "s3", "s4" }.Select(id => Pupil(id, "south", ["wood"])),
            Pupil("s5", "south", ["metal", "wood"]),
            Pupil("s6", "south", ["wood", "metal"]),
            Pupil("s7", "south", ["robot"]),
        ],
        Kits = [new EquipmentKit { Id = new("welder"), Count = 1 }],
        TravelLegs =
        [
            Leg("north", "hotspot", km: 3, bike: 12, bus: 20, car: 8),
            Leg("south", "north-workshop", km: 10, bike: 40, bus: 25, car: 15),
            Leg("south", "hotspot", km: 8, bike: 32, bus: 20, car: 12),
        ],
    };

    public static Allocation Allocation() => new()
    {
        Placements =
        [
            .. NorthPupils.Select(id => Placement(id, "metal", 1)),
            .. new[] { "s1", "s2", "s3", "s4" }.Select(id => Placement(id, "wood", 1)),
            Placement("s5", "metal", 1),
            Placement("s6", "metal", 2),
        ],
        Groups =
        [
            Group("metal", [.. NorthPupils, "s5", "s6"], (W14, ["de-vries"]), (W15, ["de-vries"]), (W16, ["de-vries", "bakker"])),
            Group("wood", ["s1", "s2", "s3", "s4"], (W14, ["jansen"]), (W15, ["jansen"]), (W16, ["jansen"])),
        ],
        BusTrips =
        [
            Bus(W14, "north-workshop", pupils: 2, departure: new(12, 35), back: new(15, 0)),
            Bus(W15, "north-workshop", pupils: 2, departure: new(12, 35), back: new(15, 0)),
            Bus(W16, "hotspot", pupils: 2, departure: new(13, 10), back: new(15, 30)),
        ],
        Unplaced = [new UnplacedPupil { Pupil = new("s7"), Reason = "capacity" }],
    };

    private static ElectiveOffer Metal() => new()
    {
        Id = new("metal"), ElectiveCode = "PIE-METAL", Profile = "PIE", HostSchool = new SchoolId("north"),
        MinGroupSize = 6, MaxGroupSize = 16, OwnPupilSeats = 8, OpenSeats = 4, RequiredQualification = "PIE",
        Sessions =
        [
            Session(W14, "north-workshop", new(13, 0), new(15, 0)),
            Session(W15, "north-workshop", new(13, 0), new(15, 0)) with { Kind = SessionKind.Theory },
            Session(W16, "hotspot", new(13, 30), new(15, 30)),
        ],
        Kits = [new KitNeed { Kit = new("welder"), CountPerGroup = 1 }],
    };

    private static ElectiveOffer Wood() => new()
    {
        Id = new("wood"), ElectiveCode = "BWI-WOOD", Profile = "BWI", HostSchool = new SchoolId("south"),
        MinGroupSize = 4, MaxGroupSize = 15, OwnPupilSeats = 4, OpenSeats = 0, RequiredQualification = "BWI",
        Sessions = [.. new[] { W14, W15, W16 }.Select(w => Session(w, "south-lab", new(13, 0), new(15, 0)))],
    };

    private static ElectiveOffer Robot() => new()
    {
        Id = new("robot"), ElectiveCode = "PIE-ROBOT", Profile = "PIE", MinGroupSize = 6, MaxGroupSize = 15,
        OpenSeats = 15, RequiredQualification = "PIE",
        Sessions = [.. new[] { W14, W15, W16 }.Select(w => Session(w, "north-workshop", new(13, 0), new(15, 0)))],
    };

    public static Pupil Pupil(string id, string school, string[] choices) => new()
    {
        Id = new(id),
        School = new(school),
        Choices = [.. choices.Select((offer, i) => new ElectiveChoice { Offer = new(offer), Rank = i + 1 })],
    };

    public static PupilPlacement Placement(string pupil, string offer, int rank, int group = 1) =>
        new() { Pupil = new(pupil), Offer = new(offer), Group = group, Rank = rank };

    public static GroupPlan Group(string offer, string[] pupils, params (Week Week, string[] Staff)[] staffing) => new()
    {
        Offer = new(offer),
        Pupils = [.. pupils.Select(p => new PupilId(p))],
        Staffing = [.. staffing.Select(s => new GroupWeekStaffing { Week = s.Week, Staff = [.. s.Staff.Select(id => new StaffId(id))] })],
    };

    public static Session Session(Week week, string venue, TimeOnly start, TimeOnly end) =>
        new() { Week = week, Venue = new(venue), Start = start, End = end };

    public static TravelLeg Leg(string from, string to, double km, int bike, int bus, int car) =>
        new() { From = from, To = to, DistanceKm = km, BikeMinutes = bike, BusMinutes = bus, CarMinutes = car };

    private static BusTrip Bus(Week week, string venue, int pupils, TimeOnly departure, TimeOnly back) => new()
    {
        Week = week, FromSchool = new("south"), ToVenue = new(venue), PupilCount = pupils, BusCount = 1,
        Departure = departure, ReturnDeparture = back,
    };

    public static SchedulingProblem WithScenarioRules(this SchedulingProblem problem, Func<RegionRules, RegionRules> change) =>
        problem with { Rules = change(problem.Rules) };

    public static SchedulingProblem WithOffer(this SchedulingProblem problem, string id, Func<ElectiveOffer, ElectiveOffer> change) =>
        problem with { Offers = [.. problem.Offers.Select(o => o.Id.Value == id ? change(o) : o)] };

    public static SchedulingProblem WithStaff(this SchedulingProblem problem, string id, Func<StaffMember, StaffMember> change) =>
        problem with { Staff = [.. problem.Staff.Select(s => s.Id.Value == id ? change(s) : s)] };

    public static SchedulingProblem WithSchool(this SchedulingProblem problem, string id, Func<School, School> change) =>
        problem with { Schools = [.. problem.Schools.Select(s => s.Id.Value == id ? change(s) : s)] };

    public static SchedulingProblem WithVenue(this SchedulingProblem problem, string id, Func<Venue, Venue> change) =>
        problem with { Venues = [.. problem.Venues.Select(v => v.Id.Value == id ? change(v) : v)] };

    public static SchedulingProblem WithPupil(this SchedulingProblem problem, string id, Func<Pupil, Pupil> change) =>
        problem with { Pupils = [.. problem.Pupils.Select(p => p.Id.Value == id ? change(p) : p)] };

    public static Allocation WithGroup(this Allocation allocation, string offer, Func<GroupPlan, GroupPlan> change) =>
        allocation with { Groups = [.. allocation.Groups.Select(g => g.Offer.Value == offer ? change(g) : g)] };

    /// <summary>Replaces the staff of one group in one week.</summary>
    public static Allocation WithStaffing(this Allocation allocation, string offer, Week week, params string[] staff) =>
        allocation.WithGroup(offer, g => g with
        {
            Staffing = [.. g.Staffing.Select(s => s.Week == week ? s with { Staff = [.. staff.Select(id => new StaffId(id))] } : s)],
        });

    /// <summary>Asserts there is at least one violation and every one is of the given rule.</summary>
    public static void AssertOnly(string rule, ImmutableArray<AllocationViolation> violations)
    {
        Assert.NotEmpty(violations);
        Assert.All(violations, v => Assert.Equal(rule, v.Rule));
    }
}
