using System.Globalization;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Explanation;
using Sto.Scheduler.Engine.Tests.Support;
using static Sto.Scheduler.Engine.Tests.Explanation.ExplanationScenarios;

namespace Sto.Scheduler.Engine.Tests.Explanation;

/// <summary>The sentences: golden text for whole scenarios, and culture independence.</summary>
public sealed class ExplanationTextTests
{
    [Fact]
    public void ExplanationText_renders_every_pupil_and_the_diagnosis_of_a_mixed_scenario()
    {
        var text = string.Join("\n\n", RenderAll(Mixed()));

        Golden.Matches(text, "explanations-mixed.txt");
    }

    [Fact]
    public void ExplanationText_renders_every_pupil_of_the_hotspot_and_hybrid_scenarios()
    {
        var text = string.Join("\n\n", RenderAll(HotspotBeyondBusReach()).Concat(RenderAll(HybridDocentAbsent())));

        Golden.Matches(text, "explanations-hotspot-hybrid.txt");
    }

    [Fact]
    public void ExplanationText_renders_the_example_sentence_for_an_unreachable_week()
    {
        var reason = new ExplanationReason(ExplanationCodes.ArrivesTooLate, "drones",
        [
            new("week", "2026-W07"), new("venue", "Van Dijk Installatie"), new("mode", "bus"), new("travel-minutes", "52"),
            new("changeover-minutes", "0"), new("needed-minutes", "52"), new("available-minutes", "45"),
            new("release", "12:45"), new("start", "13:30"),
        ]);
        var verdict = new ChoiceVerdict(new OfferId("drones"), 1, "Dronetechniek", "", ChoiceOutcome.BetterChoiceBlocked, [reason]);

        Assert.Equal(
            "1st choice 'Dronetechniek': not reachable in time in 2026-W07 — the bus takes 52 min, only 45 min between release (12:45) and start (13:30).",
            ExplanationText.Render(verdict));
    }

    [Theory]
    [InlineData("1", "the only 'robot-kit' kit is in use")]
    [InlineData("3", "all 3 'robot-kit' kits are in use")]
    public void ExplanationText_counts_the_kits_in_use_in_words(string count, string expected)
    {
        var reason = new ExplanationReason(ExplanationCodes.KitsUsedUpInWeek, "robotics",
            [new("kit", "robot-kit"), new("kit-count", count), new("week", "2026-W07"), new("kits-needed", "1")]);
        var verdict = new ChoiceVerdict(new OfferId("robotics"), 1, "Robotica", "", ChoiceOutcome.BetterChoiceBlocked, [reason]);

        Assert.Equal(
            $"1st choice 'Robotica': the group could not run: {expected} in 2026-W07 (a group needs 1).",
            ExplanationText.Render(verdict));
    }

    [Fact]
    public void ExplanationText_does_not_depend_on_the_current_culture()
    {
        var problem = HybridDocentAbsent();
        var allocation = Solve(problem);
        var invariant = ExplanationText.Render(Explain(problem, allocation, "north-01"));
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("ar-SA");
            Assert.Equal(invariant, ExplanationText.Render(Explain(problem, allocation, "north-01")));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    /// <summary>
    /// Welding (3 seats, 1 open to other schools) wanted by 4 north and 2 south pupils; drones needs the hybrid docent
    /// who is absent in week 4; a far school 40 km away reaches nothing.
    /// </summary>
    private static SchedulingProblem Mixed() => new ProblemBuilder()
        .School("north")
        .School("south", northKm: -3)
        .School("far", northKm: -40)
        .Offer("welding", "north", min: 1, max: 3, open: 1, change: o => o with { Name = "Booglasprocessen" })
        .Offer("wood", "north", min: 1, change: o => o with { Name = "Houtbewerking" })
        .Offer("drones", "north", min: 2, change: o => o with { Name = "Dronetechniek" })
        .Pupils(4, "north", "welding", "drones", "wood")
        .Pupils(2, "south", "welding", "wood")
        .Pupils(1, "far", "welding")
        .Staff(new StaffMember
        {
            Id = new StaffId("hybrid"), Name = "hybrid", Kind = StaffKind.HybridDocent, IsQualifiedTeacher = true,
            BaseSite = "north", Qualifications = ["drones"], AvailableWeeks = [new Week(2027, 3)],
        })
        .Docent("de-vries", "north", "welding", "wood")
        .Docent("bakker", "north", "welding", "wood")
        .Build();

    private static IEnumerable<string> RenderAll(SchedulingProblem problem)
    {
        var allocation = Solve(problem);
        foreach (var explanation in PlacementExplainer.ExplainAll(problem, allocation))
        {
            yield return ExplanationText.Render(explanation);
        }

        foreach (var finding in RunDiagnosis.Diagnose(problem, allocation))
        {
            yield return "Run: " + ExplanationText.Render(finding);
        }
    }
}
