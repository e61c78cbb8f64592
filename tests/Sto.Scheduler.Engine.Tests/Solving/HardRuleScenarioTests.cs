using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Tests.Support;

namespace Sto.Scheduler.Engine.Tests.Solving;

/// <summary>Hand-made instances whose right answer is known, one per hard rule: the rule allows and forbids.</summary>
public sealed class HardRuleScenarioTests
{
    [Fact]
    public void Sixteen_pupils_with_one_docent_leave_one_pupil_out()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .Offer("metal", "north", max: 20)
            .Pupils(16, "north", "metal")
            .Docent("de-vries", "north", "metal")
            .Build();

        var solved = problem.SolveOrFail();

        Assert.Equal(15, solved.Allocation.CountIn("metal"));
        Assert.Single(solved.Allocation.Unplaced);
    }

    [Fact]
    public void Sixteen_pupils_with_a_docent_and_an_instructor_form_one_group_staffed_by_two()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .Offer("metal", "north", max: 20)
            .Pupils(16, "north", "metal")
            .Docent("de-vries", "north", "metal")
            .Instructor("jansen", "north", "metal")
            .Build();

        var solved = problem.SolveOrFail();

        Assert.Equal(16, solved.Allocation.CountIn("metal"));
        var group = Assert.Single(solved.Allocation.Groups);
        Assert.All(group.Staffing, week => Assert.Equal(2, week.Staff.Length));
    }

    [Fact]
    public void A_group_below_its_minimum_closes_and_its_pupils_get_their_second_choice()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .Offer("wood", "north", min: 6)
            .Offer("metal", "north", min: 6)
            .Pupils(4, "north", "wood", "metal")
            .Pupils(4, "north", "metal", "wood")
            .Docent("de-vries", "north", "metal", "wood")
            .Docent("bakker", "north", "metal", "wood")
            .Build();

        var solved = problem.SolveOrFail();

        Assert.Equal(8, solved.Allocation.CountIn("metal"));
        Assert.Equal(0, solved.Allocation.CountIn("wood"));
        var nearMiss = Assert.Single(solved.Quality.NearMisses);
        Assert.Equal("wood", nearMiss.Offer.Value);
    }

    [Fact]
    public void Enough_first_choices_let_both_groups_run()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .Offer("wood", "north", min: 4)
            .Offer("metal", "north", min: 4)
            .Pupils(4, "north", "wood", "metal")
            .Pupils(4, "north", "metal", "wood")
            .Docent("de-vries", "north", "metal", "wood")
            .Docent("bakker", "north", "metal", "wood")
            .Build();

        var solved = problem.SolveOrFail();

        Assert.Equal(4, solved.Allocation.CountIn("wood"));
        Assert.Equal(4, solved.Allocation.CountIn("metal"));
        Assert.Equal(8, solved.Quality.PlacementsByRank[0]);
    }

    [Fact]
    public void Pupils_of_other_schools_fill_only_the_open_seats()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .School("south", northKm: -3)
            .Offer("metal", "north", min: 1, open: 2)
            .Pupils(5, "south", "metal")
            .Docent("de-vries", "north", "metal")
            .Build();

        var solved = problem.SolveOrFail();

        Assert.Equal(2, solved.Allocation.CountIn("metal"));
        Assert.Equal(3, solved.Allocation.Unplaced.Length);
    }

    [Fact]
    public void A_hotspot_week_beyond_bus_reach_excludes_the_far_school_only()
    {
        var hotspot = new Venue
        {
            Id = new VenueId("van-dijk"),
            Name = "Van Dijk Installatie",
            Kind = VenueKind.CompanyHotspot,
            Location = new GeoPoint(52.2 + (5 / 111.2), 6.9),
            WeeklyPupilCapacity = 12,
        };
        var problem = new ProblemBuilder()
            .School("north")
            .School("far", northKm: -12)
            .Venue(hotspot)
            .Offer("install", "north", min: 2, change: o => o with
            {
                Sessions = [o.Sessions[0], o.Sessions[1] with { Venue = hotspot.Id }],
            })
            .Offer("far-metal", "far", min: 2)
            .Pupils(3, "north", "install")
            .Pupils(3, "far", "install", "far-metal")
            .Docent("de-vries", "north", "install")
            .Docent("smit", "far", "far-metal")
            .Build();

        var solved = problem.SolveOrFail();

        Assert.Equal(3, solved.Allocation.CountIn("install"));
        Assert.All(solved.Allocation.Placements.Where(p => p.Pupil.Value.StartsWith("far", StringComparison.Ordinal)),
            p => Assert.Equal("far-metal", p.Offer.Value));
    }

    [Fact]
    public void A_hybrid_docent_absent_in_one_week_keeps_their_elective_from_running()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .Offer("drones", "north", min: 2)
            .Offer("metal", "north", min: 2)
            .Pupils(4, "north", "drones", "metal")
            .Staff(new StaffMember
            {
                Id = new StaffId("hybrid"), Name = "hybrid", Kind = StaffKind.HybridDocent, IsQualifiedTeacher = true,
                BaseSite = "north", Qualifications = ["drones"], AvailableWeeks = [new Week(2027, 3)],
            })
            .Docent("de-vries", "north", "metal")
            .Build();

        var solved = problem.SolveOrFail();

        Assert.Equal(4, solved.Allocation.CountIn("metal"));
    }

    [Fact]
    public void A_hybrid_docent_available_every_week_lets_their_elective_run()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .Offer("drones", "north", min: 2)
            .Offer("metal", "north", min: 2)
            .Pupils(4, "north", "drones", "metal")
            .Staff(new StaffMember
            {
                Id = new StaffId("hybrid"), Name = "hybrid", Kind = StaffKind.HybridDocent, IsQualifiedTeacher = true,
                BaseSite = "north", Qualifications = ["drones"], AvailableWeeks = [new Week(2027, 3), new Week(2027, 4)],
            })
            .Docent("de-vries", "north", "metal")
            .Build();

        var solved = problem.SolveOrFail();

        Assert.Equal(4, solved.Allocation.CountIn("drones"));
    }

    [Fact]
    public void One_lending_lab_kit_lets_only_one_of_two_kit_electives_run()
    {
        var kit = new KitNeed { Kit = new KitId("robot-kit"), CountPerGroup = 1 };
        var problem = new ProblemBuilder()
            .School("north")
            .Kit("robot-kit", 1)
            .Offer("robotics", "north", min: 2, change: o => o with { Kits = [kit] })
            .Offer("drones", "north", min: 2, change: o => o with { Kits = [kit] })
            .Pupils(3, "north", "robotics", "drones")
            .Pupils(3, "north", "drones", "robotics")
            .Docent("de-vries", "north", "robotics", "drones")
            .Docent("bakker", "north", "robotics", "drones")
            .Build();

        var solved = problem.SolveOrFail();

        Assert.Single(solved.Allocation.Groups);
        Assert.Equal(6, solved.Allocation.Placements.Length);
    }

    [Fact]
    public void A_second_staff_member_lets_a_second_parallel_group_run()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .Offer("metal", "north", min: 6, max: 12, parallel: 2)
            .Pupils(20, "north", "metal")
            .Docent("de-vries", "north", "metal")
            .Docent("bakker", "north", "metal")
            .Build();

        var solved = problem.SolveOrFail();

        Assert.Equal(20, solved.Allocation.CountIn("metal"));
        Assert.Equal(2, solved.Allocation.Groups.Length);
    }
}
