using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Explanation;
using Sto.Scheduler.Engine.Tests.Support;
using static Sto.Scheduler.Engine.Tests.Explanation.ExplanationScenarios;

namespace Sto.Scheduler.Engine.Tests.Explanation;

/// <summary>Named-pupil scenarios: the exact reason code and key facts for a better choice a pupil did not get.</summary>
public sealed class PlacementExplainerTests
{
    [Fact]
    public void PlacementExplainer_names_the_learning_path_a_choice_is_not_open_to()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .Offer("metal", "north", min: 1, change: o => o with { Eligibility = new Eligibility { Paths = [LearningPath.Basic] } })
            .Offer("wood", "north", min: 1)
            .Pupils(2, "north", "metal", "wood")
            .Docent("de-vries", "north", "metal", "wood")
            .Build();

        // The validator refuses ineligible choices before a solve, so the allocation is built by hand.
        var allocation = new Allocation
        {
            Placements =
            [
                new PupilPlacement { Pupil = new PupilId("north-01"), Offer = new OfferId("wood"), Rank = 2 },
                new PupilPlacement { Pupil = new PupilId("north-02"), Offer = new OfferId("wood"), Rank = 2 },
            ],
            Groups = [new GroupPlan { Offer = new OfferId("wood"), Pupils = [new PupilId("north-01"), new PupilId("north-02")] }],
        };

        var explanation = Explain(problem, allocation, "north-01");

        Assert.Equal("wood", explanation.GrantedOffer?.Value);
        Assert.Equal(2, explanation.GrantedRank);
        var reason = explanation.MainReason(1);
        Assert.Equal(ExplanationCodes.PathNotEligible, reason.Code);
        Assert.Equal("kb", reason.Fact("path"));
        Assert.Equal("bb", reason.Fact("allowed-paths"));
        Assert.Equal(ChoiceOutcome.Granted, explanation.Choices[1].Outcome);
    }

    [Fact]
    public void PlacementExplainer_gives_bus_minutes_against_the_window_for_an_unreachable_hotspot_week()
    {
        var problem = HotspotBeyondBusReach();
        var allocation = Solve(problem);

        var explanation = Explain(problem, allocation, "far-01");

        Assert.Equal("far-metal", explanation.GrantedOffer?.Value);
        var reason = explanation.MainReason(1);
        Assert.Equal(ExplanationCodes.ArrivesTooLate, reason.Code);
        Assert.Equal("2027-W04", reason.Fact("week"));
        Assert.Equal("Van Dijk Installatie", reason.Fact("venue"));
        Assert.Equal("bus", reason.Fact("mode"));
        Assert.Equal(45, reason.IntFact("available-minutes"));
        Assert.True(reason.IntFact("needed-minutes") > 45);
        Assert.Equal(reason.IntFact("travel-minutes"), reason.IntFact("needed-minutes"));
        Assert.Equal("12:45", reason.Fact("release"));
        Assert.Equal("13:30", reason.Fact("start"));
    }

    [Fact]
    public void PlacementExplainer_says_a_group_did_not_run_with_too_few_interested_pupils()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .Offer("wood", "north", min: 6)
            .Offer("metal", "north", min: 2)
            .Pupils(4, "north", "wood", "metal")
            .Pupils(4, "north", "metal")
            .Docent("de-vries", "north", "metal", "wood")
            .Docent("bakker", "north", "metal", "wood")
            .Build();
        var allocation = Solve(problem);

        var reason = Explain(problem, allocation, "north-01").MainReason(1);

        Assert.Equal(ExplanationCodes.OfferDidNotRun, reason.Code);
        Assert.Equal(4, reason.IntFact("could-join"));
        Assert.Equal(6, reason.IntFact("minimum"));
    }

    [Fact]
    public void PlacementExplainer_calls_a_closed_group_a_trade_off_when_enough_could_join_but_few_prefer_it()
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
        var allocation = Solve(problem);

        var reason = Explain(problem, allocation, "north-01").MainReason(1);

        Assert.Equal(ExplanationCodes.TradeOff, reason.Code);
        Assert.Equal(4, reason.IntFact("pupils-preferring"));
        Assert.Equal(6, reason.IntFact("minimum"));
    }

    [Fact]
    public void PlacementExplainer_reports_no_staff_in_the_week_the_hybrid_docent_is_absent()
    {
        var problem = HybridDocentAbsent();
        var allocation = Solve(problem);

        var explanation = Explain(problem, allocation, "north-01");

        Assert.Equal("metal", explanation.GrantedOffer?.Value);
        var reason = explanation.MainReason(1);
        Assert.Equal(ExplanationCodes.NoStaffInWeek, reason.Code);
        Assert.Equal("2027-W04", reason.Fact("week"));
        Assert.Equal(1, reason.IntFact("staff-needed"));
        Assert.Equal(0, reason.IntFact("staff-available"));
        Assert.Equal(1, reason.IntFact("staff-who-can-staff"));
        Assert.Equal(1, reason.IntFact("staff-absent"));
    }

    [Fact]
    public void PlacementExplainer_reports_open_seats_used_by_pupils_of_other_schools()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .School("south", northKm: -3)
            .Offer("metal", "north", min: 1, open: 2)
            .Pupils(5, "south", "metal")
            .Docent("de-vries", "north", "metal")
            .Build();
        var allocation = Solve(problem);
        var unplaced = allocation.Unplaced[0].Pupil.Value;

        var explanation = Explain(problem, allocation, unplaced);

        Assert.False(explanation.IsPlaced);
        var reason = explanation.MainReason(1);
        Assert.Equal(ExplanationCodes.OpenSeatsUsed, reason.Code);
        Assert.Equal(2, reason.IntFact("open-seats"));
        Assert.Equal("north", reason.Fact("host-school"));
    }

    [Fact]
    public void PlacementExplainer_reports_a_full_group_whose_holders_all_have_priority()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .Offer("metal", "north", min: 1, max: 3)
            .Offer("wood", "north", min: 1)
            .Pupils(4, "north", "metal", "wood")
            .Docent("de-vries", "north", "metal", "wood")
            .Docent("bakker", "north", "metal", "wood")
            .Build();
        var allocation = Solve(problem);
        var inWood = allocation.Placements.Single(p => p.Offer.Value == "wood").Pupil.Value;

        var explanation = Explain(problem, allocation, inWood);

        var verdict = Assert.Single(explanation.Choices, c => c.Rank == 1);
        var reason = Assert.Single(verdict.Reasons);
        Assert.Equal(ExplanationCodes.GroupFull, reason.Code);
        Assert.Equal("group", reason.Fact("limit"));
        Assert.Equal(3, reason.IntFact("holders"));
        Assert.Equal(3, reason.IntFact("holders-with-priority"));
    }

    [Fact]
    public void PlacementExplainer_reports_justified_envy_when_a_holder_has_lower_priority()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .Offer("metal", "north", min: 1, max: 1)
            .Offer("wood", "north", min: 1)
            .Pupils(1, "north", "metal", "wood")
            .Pupils(1, "north", "wood", "metal")
            .Docent("de-vries", "north", "metal", "wood")
            .Docent("bakker", "north", "metal", "wood")
            .Build();
        var allocation = new Allocation
        {
            Placements =
            [
                new PupilPlacement { Pupil = new PupilId("north-02"), Offer = new OfferId("metal"), Group = 1, Rank = 2 },
                new PupilPlacement { Pupil = new PupilId("north-01"), Offer = new OfferId("wood"), Group = 1, Rank = 2 },
            ],
            Groups =
            [
                new GroupPlan { Offer = new OfferId("metal"), Pupils = [new PupilId("north-02")] },
                new GroupPlan { Offer = new OfferId("wood"), Pupils = [new PupilId("north-01")] },
            ],
        };

        var verdict = Explain(problem, allocation, "north-01").Choices[0];

        Assert.Equal([ExplanationCodes.GroupFull, ExplanationCodes.JustifiedEnvy], verdict.Reasons.Select(r => r.Code));
        Assert.Equal(0, verdict.Reasons[0].IntFact("holders-with-priority"));
        Assert.Empty(verdict.Reasons[1].Facts);
    }

    [Fact]
    public void PlacementExplainer_reports_kits_used_up_by_the_group_that_runs()
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
        var allocation = Solve(problem);
        var second = allocation.Placements.First(p => p.Rank == 2).Pupil.Value;

        var reason = Explain(problem, allocation, second).MainReason(1);

        Assert.Equal(ExplanationCodes.KitsUsedUpInWeek, reason.Code);
        Assert.Equal("2027-W03", reason.Fact("week"));
        Assert.Equal("robot-kit", reason.Fact("kit"));
        Assert.Equal(1, reason.IntFact("kit-count"));
        Assert.Equal(1, reason.IntFact("kits-in-use"));
    }

    [Fact]
    public void PlacementExplainer_reports_more_staff_needed_when_seats_are_left_but_nobody_can_come()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .Offer("metal", "north", max: 20)
            .Pupils(16, "north", "metal")
            .Docent("de-vries", "north", "metal")
            .Build();
        var allocation = Solve(problem);

        var reason = Explain(problem, allocation, allocation.Unplaced[0].Pupil.Value).MainReason(1);

        Assert.Equal(ExplanationCodes.MoreStaffNeeded, reason.Code);
        Assert.Equal(15, reason.IntFact("group-size"));
        Assert.Equal(1, reason.IntFact("staff-now"));
        Assert.Equal(2, reason.IntFact("staff-needed"));
    }

    [Fact]
    public void PlacementExplainer_marks_choices_below_the_granted_one_as_not_needed()
    {
        var problem = HotspotBeyondBusReach();
        var allocation = Solve(problem);

        var explanation = Explain(problem, allocation, "north-01");

        var verdict = Assert.Single(explanation.Choices);
        Assert.Equal(ChoiceOutcome.Granted, verdict.Outcome);
        Assert.Empty(verdict.Reasons);
    }

    [Fact]
    public void PlacementExplainer_rejects_a_pupil_outside_the_problem()
    {
        var problem = HybridDocentAbsent();

        Assert.Throws<ArgumentException>(() => PlacementExplainer.Explain(problem, new Allocation(), new PupilId("nobody")));
    }
}
