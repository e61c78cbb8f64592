using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Tests.Support;

namespace Sto.Scheduler.Engine.Tests.Solving;

/// <summary>The remaining allow/forbid pairs of the hard rules, solved end to end.</summary>
public sealed class MoreHardRuleScenarioTests
{
    [Fact]
    public void A_workshop_of_eight_seats_takes_eight_of_ten_pupils()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .Offer("metal", "north", min: 2, max: 15)
            .Pupils(10, "north", "metal")
            .Docent("de-vries", "north", "metal")
            .Build();
        var small = problem with { Venues = [problem.Venues[0] with { WeeklyPupilCapacity = 8 }] };

        Assert.Equal(8, small.SolveOrFail().Allocation.CountIn("metal"));
        Assert.Equal(10, problem.SolveOrFail().Allocation.CountIn("metal"));
    }

    [Fact]
    public void Two_lending_lab_kits_let_both_kit_electives_run()
    {
        var kit = new KitNeed { Kit = new KitId("robot-kit"), CountPerGroup = 1 };
        var problem = new ProblemBuilder()
            .School("north")
            .Kit("robot-kit", 2)
            .Offer("robotics", "north", min: 2, change: o => o with { Kits = [kit] })
            .Offer("drones", "north", min: 2, change: o => o with { Kits = [kit] })
            .Pupils(3, "north", "robotics", "drones")
            .Pupils(3, "north", "drones", "robotics")
            .Docent("de-vries", "north", "robotics", "drones")
            .Docent("bakker", "north", "robotics", "drones")
            .Build();

        var solved = problem.SolveOrFail();

        Assert.Equal(2, solved.Allocation.Groups.Length);
        Assert.Equal(6, solved.Quality.PlacementsByRank[0]);
    }

    [Fact]
    public void Pupils_of_other_schools_all_get_in_when_enough_seats_are_open()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .School("south", northKm: -3)
            .Offer("metal", "north", min: 1, open: 5)
            .Pupils(5, "south", "metal")
            .Docent("de-vries", "north", "metal")
            .Build();

        Assert.Equal(5, problem.SolveOrFail().Allocation.CountIn("metal"));
    }

    [Fact]
    public void One_docent_cannot_staff_two_electives_in_the_same_week()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .Offer("metal", "north", min: 3)
            .Offer("wood", "north", min: 3)
            .Pupils(3, "north", "metal", "wood")
            .Pupils(3, "north", "wood", "metal")
            .Docent("de-vries", "north", "metal", "wood")
            .Build();

        var solved = problem.SolveOrFail();

        Assert.Single(solved.Allocation.Groups);
        Assert.Equal(6, solved.Allocation.Placements.Length);
    }

    [Fact]
    public void A_docent_based_too_far_away_cannot_staff_the_group()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .School("far", northKm: -60)
            .Offer("metal", "north", min: 2)
            .Pupils(3, "north", "metal")
            .Rules(r => r with { StaffWorkForOwnProviderOnly = false })
            .Staff(new StaffMember { Id = new StaffId("remote"), Name = "remote", Kind = StaffKind.Docent, IsQualifiedTeacher = true, BaseSite = "far", Qualifications = ["metal"] })
            .Build();
        var near = problem with { Staff = [problem.Staff[0] with { BaseSite = "north" }] };

        Assert.Empty(problem.SolveOrFail().Allocation.Placements);
        Assert.Equal(3, near.SolveOrFail().Allocation.Placements.Length);
    }

    [Fact]
    public void Staff_of_another_school_do_not_staff_its_elective_unless_the_region_allows_it()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .School("south", northKm: -2)
            .Offer("metal", "north", min: 2)
            .Pupils(3, "north", "metal")
            .Docent("smit", "south", "metal")
            .Build();
        var shared = problem with { Rules = problem.Rules with { StaffWorkForOwnProviderOnly = false } };

        Assert.Empty(problem.SolveOrFail().Allocation.Placements);
        Assert.Equal(3, shared.SolveOrFail().Allocation.Placements.Length);
    }

    [Fact]
    public void Pupils_beyond_six_km_ride_the_bus_and_pupils_within_cycle()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .School("near", northKm: -4)
            .School("far", northKm: -9)
            .Offer("metal", "north", min: 2, max: 15)
            .Pupils(3, "near", "metal")
            .Pupils(3, "far", "metal")
            .Docent("de-vries", "north", "metal")
            .Build();

        var solved = problem.SolveOrFail();

        Assert.Equal(6, solved.Allocation.CountIn("metal"));
        Assert.All(solved.Allocation.BusTrips, trip => Assert.Equal(("far", 3, 1), (trip.FromSchool.Value, trip.PupilCount, trip.BusCount)));
        Assert.Equal(2, solved.Allocation.BusTrips.Length);
    }

    [Fact]
    public void With_two_placements_per_pupil_only_one_may_be_away_from_the_own_school()
    {
        var problem = new ProblemBuilder()
            .Weeks(3, 4, 5, 6)
            .School("north")
            .School("south", northKm: -2)
            .Rules(r => r with { MaxPlacementsPerPupil = 2, MaxExternalPlacementsPerPupil = 1 })
            .Offer("metal", "south", min: 1, change: o => o with { Sessions = [.. o.Sessions.Take(2)] })
            .Offer("wood", "south", min: 1, change: o => o with { Sessions = [.. o.Sessions.Skip(2)] })
            .Offer("paint", "north", min: 1, change: o => o with { Sessions = [.. o.Sessions.Skip(2)] })
            .Pupils(1, "north", "metal", "wood", "paint")
            .Docent("de-vries", "south", "metal", "wood")
            .Docent("bakker", "north", "paint")
            .Build();

        var solved = problem.SolveOrFail();

        Assert.Equal(["metal", "paint"], solved.Allocation.Placements.Select(p => p.Offer.Value).Order());
    }

    [Fact]
    public void An_offer_without_sessions_in_the_run_is_valid_when_cancelled_and_its_pupils_take_their_next_choice()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .Offer("metal", "north", min: 2, change: o => o with { Sessions = [], IsCancelled = true })
            .Offer("wood", "north", min: 2)
            .Pupils(3, "north", "metal", "wood")
            .Docent("de-vries", "north", "metal", "wood")
            .Build();

        Assert.Empty(Sto.Scheduler.Engine.Validation.ProblemValidator.Validate(problem));
        Assert.Equal(3, problem.SolveOrFail().Allocation.CountIn("wood"));
        Assert.NotEmpty(Sto.Scheduler.Engine.Validation.ProblemValidator.Validate(problem with { Offers = [problem.Offers[0] with { IsCancelled = false }, problem.Offers[1]] }));
    }
}
