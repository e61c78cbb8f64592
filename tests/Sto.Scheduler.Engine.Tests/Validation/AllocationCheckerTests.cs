using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Validation;
using static Sto.Scheduler.Engine.Tests.Support.CheckerScenario;

namespace Sto.Scheduler.Engine.Tests.Validation;

public sealed class AllocationCheckerTests
{
    [Fact]
    public void AllocationChecker_finds_nothing_wrong_with_the_valid_scenario()
    {
        var violations = AllocationChecker.Check(Problem(), Allocation());

        Assert.Empty(violations);
    }

    [Fact]
    public void A_pupil_placed_in_two_offers_meeting_the_same_weeks_breaks_placements_per_pupil()
    {
        var allocation = Allocation() with { Placements = Allocation().Placements.Add(Placement("s5", "wood", 2)) };
        allocation = allocation.WithGroup("wood", g => g with { Pupils = g.Pupils.Add(new PupilId("s5")) });

        var violations = AllocationChecker.Check(Problem(), allocation);

        AssertOnly(AllocationRuleIds.PlacementsPerPupil, violations);
        Assert.Contains(violations, v => v.Subject == "s5" && v.Message.Contains("2 placements", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Message.Contains("both meet in week 2026-W14", StringComparison.Ordinal));
    }

    [Fact]
    public void A_placement_the_pupil_cannot_get_back_from_in_time_breaks_candidate()
    {
        var problem = Problem().WithSchool("south", s => s with { ReturnBy = new TimeOnly(15, 10) });

        var violations = AllocationChecker.Check(problem, Allocation());

        AssertOnly(AllocationRuleIds.Candidate, violations);
        Assert.Equal(["s5", "s6"], violations.Select(v => v.Subject).Order());
        Assert.Contains("returns-too-late", violations[0].Message, StringComparison.Ordinal);
        Assert.Contains("needs 25 minutes", violations[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_placement_at_another_rank_than_the_pupil_gave_breaks_candidate()
    {
        var allocation = Allocation() with
        {
            Placements = [.. Allocation().Placements.Select(p => p.Pupil.Value == "s6" ? p with { Rank = 1 } : p)],
        };

        var violations = AllocationChecker.Check(Problem(), allocation);

        AssertOnly(AllocationRuleIds.Candidate, violations);
        Assert.Equal("s6", Assert.Single(violations).Subject);
    }

    [Fact]
    public void A_second_placement_away_from_the_own_site_breaks_external_placements()
    {
        var college = new Venue { Id = new("college"), Kind = VenueKind.MboCollege, Location = new(52.03, 5.00), WeeklyPupilCapacity = 10 };
        var solar = new ElectiveOffer
        {
            Id = new("solar"), ElectiveCode = "PIE-SOLAR", MinGroupSize = 1, MaxGroupSize = 10, OpenSeats = 10,
            RequiredQualification = "PIE", Sessions = [Session(W17, "college", new(13, 30), new(15, 0))],
        };
        var problem = Problem().WithScenarioRules(r => r with { MaxPlacementsPerPupil = 2 })
            .WithPupil("n1", p => p with { Choices = p.Choices.Add(new ElectiveChoice { Offer = new("solar"), Rank = 3 }) });
        problem = problem with
        {
            Weeks = problem.Weeks.Add(W17),
            Venues = problem.Venues.Add(college),
            Offers = problem.Offers.Add(solar),
            TravelLegs = problem.TravelLegs.Add(Leg("north", "college", km: 5, bike: 20, bus: 22, car: 10)),
        };
        var allocation = Allocation() with
        {
            Placements = Allocation().Placements.Add(Placement("n1", "solar", 3)),
            Groups = Allocation().Groups.Add(Group("solar", ["n1"], (W17, ["de-vries"]))),
        };

        var violations = AllocationChecker.Check(problem, allocation);

        AssertOnly(AllocationRuleIds.ExternalPlacements, violations);
        Assert.Equal("n1", Assert.Single(violations).Subject);
    }

    [Fact]
    public void A_placement_missing_from_its_group_list_breaks_group_membership()
    {
        var allocation = Allocation().WithGroup("metal", g => g with { Pupils = g.Pupils.Remove(new PupilId("n8")) });

        var violations = AllocationChecker.Check(Problem(), allocation);

        AssertOnly(AllocationRuleIds.GroupMembership, violations);
        Assert.Equal("n8", Assert.Single(violations).Subject);
    }

    [Fact]
    public void A_placement_in_a_group_that_does_not_run_breaks_group_membership()
    {
        var allocation = Allocation() with
        {
            Placements = [.. Allocation().Placements.Select(p => p.Pupil.Value == "s1" ? p with { Group = 2 } : p)],
        };

        var violations = AllocationChecker.Check(Problem(), allocation);

        AssertOnly(AllocationRuleIds.GroupMembership, violations);
        Assert.Contains(violations, v => v.Message.Contains("wood/2, which does not run", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_placement_listed_twice_breaks_group_membership_even_when_two_placements_are_allowed()
    {
        var problem = Problem().WithScenarioRules(r => r with { MaxPlacementsPerPupil = 2 });
        var allocation = Allocation() with { Placements = Allocation().Placements.Add(Placement("s1", "wood", 1)) };

        var violations = AllocationChecker.Check(problem, allocation);

        AssertOnly(AllocationRuleIds.GroupMembership, violations);
        Assert.Contains("s1 has 2 placements in offer wood", Assert.Single(violations).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_below_the_minimum_size_breaks_group_size()
    {
        var problem = Problem().WithOffer("wood", o => o with { MinGroupSize = 5 });

        var violations = AllocationChecker.Check(problem, Allocation());

        AssertOnly(AllocationRuleIds.GroupSize, violations);
        var violation = Assert.Single(violations);
        Assert.Equal("wood/1", violation.Subject);
        Assert.Contains("has 4 pupils; it must have between 5 and 15", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Groups_not_numbered_from_one_break_group_size()
    {
        var allocation = Allocation() with
        {
            Placements = [.. Allocation().Placements.Select(p => p.Offer.Value == "wood" ? p with { Group = 2 } : p)],
        };
        allocation = allocation.WithGroup("wood", g => g with { Group = 2 });

        var violations = AllocationChecker.Check(Problem(), allocation);

        AssertOnly(AllocationRuleIds.GroupSize, violations);
        Assert.Equal("wood", Assert.Single(violations).Subject);
    }

    [Fact]
    public void More_pupils_from_other_schools_than_open_seats_breaks_open_seats()
    {
        var problem = Problem().WithOffer("metal", o => o with { OpenSeats = 1 });

        var violations = AllocationChecker.Check(problem, Allocation());

        AssertOnly(AllocationRuleIds.OpenSeats, violations);
        Assert.Contains("2 pupils from other schools but only 1 open seats", Assert.Single(violations).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hotspot_over_its_capacity_in_its_week_breaks_venue_capacity()
    {
        var problem = Problem().WithVenue("hotspot", v => v with { CapacityOverrides = [new VenueWeekCapacity { Week = W16, PupilCapacity = 8 }] });

        var violations = AllocationChecker.Check(problem, Allocation());

        AssertOnly(AllocationRuleIds.VenueCapacity, violations);
        var violation = Assert.Single(violations);
        Assert.Equal("hotspot@2026-W16", violation.Subject);
        Assert.Contains("holds 10 pupils in week 2026-W16, but its capacity that week is 8", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sixteen_pupils_with_one_staff_member_break_the_ratio_in_practical_weeks_only()
    {
        var extra = new[] { "n9", "n10", "n11", "n12", "n13", "n14" };
        var problem = Problem() with { Pupils = Problem().Pupils.AddRange(extra.Select(id => Pupil(id, "north", ["metal"]))) };
        var allocation = Allocation() with { Placements = Allocation().Placements.AddRange(extra.Select(id => Placement(id, "metal", 1))) };
        allocation = allocation.WithGroup("metal", g => g with { Pupils = g.Pupils.AddRange(extra.Select(id => new PupilId(id))) });

        var violations = AllocationChecker.Check(problem, allocation);

        // W14 is practical with one staff member; W15 is theory (one is enough); W16 has two.
        AssertOnly(AllocationRuleIds.StaffPupilRatio, violations);
        var violation = Assert.Single(violations);
        Assert.Equal("metal/1@2026-W14", violation.Subject);
        Assert.Contains("16 pupils in practical week 2026-W14 and 1 staff counting for the ratio; it needs 2", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_week_without_a_qualified_docent_breaks_staff_pupil_ratio()
    {
        var allocation = Allocation().WithStaffing("metal", W16, "bakker");

        var violations = AllocationChecker.Check(Problem(), allocation);

        AssertOnly(AllocationRuleIds.StaffPupilRatio, violations);
        Assert.Contains("no qualified docent in week 2026-W16", Assert.Single(violations).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_week_the_offer_meets_without_staffing_breaks_staff_pupil_ratio()
    {
        var allocation = Allocation().WithGroup("wood", g => g with { Staffing = g.Staffing.RemoveAt(1) });

        var violations = AllocationChecker.Check(Problem(), allocation);

        AssertOnly(AllocationRuleIds.StaffPupilRatio, violations);
        Assert.Equal("wood/1@2026-W15", Assert.Single(violations).Subject);
    }

    [Fact]
    public void A_staff_member_in_two_groups_in_one_week_breaks_staff_assignment()
    {
        var problem = Problem().WithStaff("de-vries", s => s with { Qualifications = ["PIE", "BWI"] });
        problem = problem with { TravelLegs = problem.TravelLegs.Add(Leg("north", "south-lab", km: 9, bike: 36, bus: 24, car: 10)) };
        var allocation = Allocation().WithStaffing("wood", W14, "jansen", "de-vries");

        var violations = AllocationChecker.Check(problem, allocation);

        AssertOnly(AllocationRuleIds.StaffAssignment, violations);
        var violation = Assert.Single(violations);
        Assert.Equal("de-vries@2026-W14", violation.Subject);
        Assert.Contains("is in 2 groups in week 2026-W14 (metal/1, wood/1)", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_staff_member_not_available_that_week_breaks_staff_assignment()
    {
        var problem = Problem().WithStaff("de-vries", s => s with { AvailableWeeks = [W14, W16] });

        var violations = AllocationChecker.Check(problem, Allocation());

        AssertOnly(AllocationRuleIds.StaffAssignment, violations);
        Assert.Equal("de-vries@2026-W15", Assert.Single(violations).Subject);
    }

    [Fact]
    public void A_staff_member_without_the_qualification_breaks_staff_assignment()
    {
        var problem = Problem().WithStaff("bakker", s => s with { Qualifications = ["BWI"] });

        var violations = AllocationChecker.Check(problem, Allocation());

        AssertOnly(AllocationRuleIds.StaffAssignment, violations);
        Assert.Equal("bakker@2026-W16", Assert.Single(violations).Subject);
    }

    [Fact]
    public void A_staff_base_too_far_from_the_venue_breaks_staff_assignment()
    {
        // 50 minutes by car: leaving at 12:45, de-vries reaches the hotspot at 13:35, after the 13:30 start.
        var problem = Problem() with
        {
            TravelLegs = [.. Problem().TravelLegs.Select(l => l.To == "hotspot" && l.From == "north" ? l with { CarMinutes = 50 } : l)],
        };

        var violations = AllocationChecker.Check(problem, Allocation());

        AssertOnly(AllocationRuleIds.StaffAssignment, violations);
        var violation = Assert.Single(violations);
        Assert.Equal("de-vries@2026-W16", violation.Subject);
        Assert.Contains("50 minutes each way by car", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_groups_needing_the_only_kit_in_the_same_weeks_break_equipment_kits()
    {
        var problem = Problem().WithOffer("wood", o => o with { Kits = [new KitNeed { Kit = new("welder"), CountPerGroup = 1 }] });

        var violations = AllocationChecker.Check(problem, Allocation());

        AssertOnly(AllocationRuleIds.EquipmentKits, violations);
        Assert.Equal(["welder@2026-W14", "welder@2026-W15", "welder@2026-W16"], violations.Select(v => v.Subject));
        Assert.Contains("need 2 kits of welder in week 2026-W14, but only 1 exist", violations[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_bus_trip_breaks_buses()
    {
        var allocation = Allocation() with { BusTrips = Allocation().BusTrips.RemoveAt(1) };

        var violations = AllocationChecker.Check(Problem(), allocation);

        AssertOnly(AllocationRuleIds.Buses, violations);
        Assert.Equal("south→north-workshop@2026-W15", Assert.Single(violations).Subject);
    }

    [Fact]
    public void Too_few_buses_a_wrong_pupil_count_and_an_empty_trip_break_buses()
    {
        var problem = Problem().WithScenarioRules(r => r with { BusSeatCount = 1 });
        var allocation = Allocation() with
        {
            BusTrips =
            [
                .. Allocation().BusTrips.Take(2),
                Allocation().BusTrips[2] with { PupilCount = 3, BusCount = 3 },
                Allocation().BusTrips[2] with { FromSchool = new("north") },
            ],
        };

        var violations = AllocationChecker.Check(problem, allocation);

        AssertOnly(AllocationRuleIds.Buses, violations);
        Assert.Equal(4, violations.Length);
        Assert.Equal(2, violations.Count(v => v.Message.Contains("has 1 buses for 2 pupils; it needs 2", StringComparison.Ordinal)));
        Assert.Contains(violations, v => v.Message.Contains("lists 3 pupils, but 2 placed pupils ride it", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Subject == "north→hotspot@2026-W16" && v.Message.Contains("no placed pupil rides it", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pupil_both_placed_and_unplaced_breaks_accounting()
    {
        var allocation = Allocation() with { Unplaced = Allocation().Unplaced.Add(new UnplacedPupil { Pupil = new("s5") }) };

        var violations = AllocationChecker.Check(Problem(), allocation);

        AssertOnly(AllocationRuleIds.Accounting, violations);
        Assert.Contains("both placed and listed as unplaced", Assert.Single(violations).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pupil_neither_placed_nor_unplaced_and_an_unknown_staff_id_break_accounting()
    {
        var allocation = (Allocation() with { Unplaced = [] }).WithStaffing("wood", W15, "jansen", "ghost");

        var violations = AllocationChecker.Check(Problem(), allocation);

        AssertOnly(AllocationRuleIds.Accounting, violations);
        Assert.Equal(["s7", "wood/1"], violations.Select(v => v.Subject).Order());
    }

    [Fact]
    public void AllocationChecker_reports_rather_than_throws_on_garbage()
    {
        var allocation = new Allocation
        {
            Placements = [null!, Placement("nobody", "metal", 1), Placement("n1", "no-such-offer", 1)],
            Groups = [null!, Group("no-such-offer", ["nobody"], (W14, ["ghost"])), new GroupPlan { Offer = new("metal"), Pupils = default, Staffing = default }],
            BusTrips = [null!, new BusTrip()],
            Unplaced = default,
            Lottery = [null!, new LotteryTicket { Pupil = new("nobody"), Number = 1 }],
        };

        var violations = AllocationChecker.Check(Problem(), allocation);

        Assert.Contains(violations, v => v.Rule == AllocationRuleIds.Accounting && v.Subject == "nobody");
        Assert.Contains(violations, v => v.Rule == AllocationRuleIds.Accounting && v.Subject == "no-such-offer");
        Assert.Contains(violations, v => v.Rule == AllocationRuleIds.Accounting && v.Subject == "placements");
        Assert.Contains(violations, v => v.Rule == AllocationRuleIds.GroupSize && v.Subject == "metal/1");
        Assert.Contains(violations, v => v.Rule == AllocationRuleIds.Buses);
    }

    [Fact]
    public void AllocationChecker_tolerates_default_arrays_everywhere()
    {
        var allocation = new Allocation { Placements = default, Groups = default, BusTrips = default, Unplaced = default, Lottery = default };

        var violations = AllocationChecker.Check(Problem(), allocation);

        AssertOnly(AllocationRuleIds.Accounting, violations);
        Assert.Equal(15, violations.Length);
        Assert.Empty(AllocationChecker.Check(new SchedulingProblem(), new Allocation()));
    }
}
