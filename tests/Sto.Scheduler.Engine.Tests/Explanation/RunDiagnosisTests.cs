using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Explanation;
using Sto.Scheduler.Engine.Tests.Support;
using static Sto.Scheduler.Engine.Tests.Explanation.ExplanationScenarios;

namespace Sto.Scheduler.Engine.Tests.Explanation;

/// <summary>The run diagnosis: domain reasons for left-out pupils and closed offers, grouped, counted and ordered.</summary>
public sealed class RunDiagnosisTests
{
    [Fact]
    public void RunDiagnosis_reports_a_closed_offer_with_the_week_without_staff_and_the_pupils_it_cost()
    {
        var problem = HybridDocentAbsent();
        var allocation = Solve(problem);

        var finding = Assert.Single(RunDiagnosis.Diagnose(problem, allocation));

        Assert.Equal(ExplanationCodes.NoStaffInWeek, finding.Code);
        Assert.Equal("drones", finding.Reason.Subject);
        Assert.Equal("2027-W04", finding.Reason.Fact("week"));
        Assert.Equal(4, finding.PupilCount);
        Assert.Equal(
            "'Dronetechniek' (north): no staff in 2027-W04 — a group of 2 needs 1 staff member including a qualified docent, 0 available (1 staff member can staff it: 1 absent). Affects 4 pupils.",
            ExplanationText.Render(finding));
    }

    [Fact]
    public void RunDiagnosis_groups_pupils_without_a_feasible_choice_and_orders_findings_by_pupils_affected()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .School("far", northKm: -40)
            .Offer("metal", "north", max: 20)
            .Pupils(16, "north", "metal")
            .Pupils(3, "far", "metal")
            .Docent("de-vries", "north", "metal")
            .Build();
        var allocation = Solve(problem);

        var findings = RunDiagnosis.Diagnose(problem, allocation);

        Assert.Equal([ExplanationCodes.PupilsWithoutFeasibleChoice, ExplanationCodes.MoreStaffNeeded], findings.Select(f => f.Code));
        Assert.Equal(3, findings[0].PupilCount);
        Assert.Equal(3, findings[0].Reason.IntFact(ExplanationCodes.ArrivesTooLate));
        Assert.Equal(1, findings[1].PupilCount);
        Assert.Equal("metal", findings[1].Reason.Subject);
    }

    [Fact]
    public void RunDiagnosis_picks_one_reason_per_cause_not_one_per_choice()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .Offer("metal", "north", min: 1, max: 2)
            .Offer("wood", "north", min: 1, max: 2)
            .Pupils(5, "north", "metal", "wood")
            .Docent("de-vries", "north", "metal", "wood")
            .Docent("bakker", "north", "metal", "wood")
            .Build();
        var allocation = Solve(problem);

        var findings = RunDiagnosis.Diagnose(problem, allocation);

        var finding = Assert.Single(findings);
        Assert.Equal(ExplanationCodes.GroupFull, finding.Code);
        Assert.Equal(1, finding.PupilCount);
        Assert.Null(finding.Reason.Fact("holders-with-priority"));
    }

    [Fact]
    public void RunDiagnosis_is_empty_when_everyone_is_placed_and_no_wanted_offer_closed()
    {
        var problem = HotspotBeyondBusReach();
        var allocation = Solve(problem);

        Assert.Empty(RunDiagnosis.Diagnose(problem, allocation));
    }
}
