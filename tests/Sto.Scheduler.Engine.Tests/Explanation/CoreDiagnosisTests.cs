using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Explanation;
using Sto.Scheduler.Engine.Explanation.Diagnosis;
using Sto.Scheduler.Engine.Tests.Support;
using Sto.Scheduler.Engine.Tests.Solving;
using static Sto.Scheduler.Engine.Tests.Explanation.ExplanationScenarios;

namespace Sto.Scheduler.Engine.Tests.Explanation;

/// <summary>The CP-SAT run diagnosis on instances whose minimal reason set is known exactly.</summary>
public sealed class CoreDiagnosisTests
{
    /// <summary>No wall-clock budget, so a loaded test machine cannot change the answer.</summary>
    private static readonly DiagnosisSettings Unbounded = DiagnosisSettings.Default with { TimeBudget = null };

    [Fact]
    public void CoreDiagnosis_names_only_the_hotspot_week_short_of_staff()
    {
        var problem = HotspotWeekWithOneStaff(pupils: 24);
        var allocation = Solve(problem);
        Assert.Equal(9, allocation.Unplaced.Length);

        var report = CoreDiagnosis.Diagnose(problem, allocation, Unbounded);

        var diagnosis = Assert.Single(report.Cases);
        Assert.Equal(DiagnosisSubjectKind.PupilLeftOut, diagnosis.Kind);
        Assert.Equal(DiagnosisStatus.MinimalReasons, diagnosis.Status);
        Assert.Equal(9, diagnosis.Pupils.Length);
        var reason = Assert.Single(diagnosis.Reasons);
        Assert.Equal(ExplanationCodes.NoStaffInWeek, reason.Code);
        Assert.Equal("install", reason.Subject);
        Assert.Equal("2027-W04", reason.Fact("week"));
        Assert.Equal("Van Dijk Installatie", reason.Fact("venue"));
        Assert.Equal(16, reason.IntFact("group-size"));
        Assert.Equal(2, reason.IntFact("staff-needed"));
        Assert.Equal(1, reason.IntFact("staff-available"));
        Assert.Equal(1, reason.IntFact("staff-absent"));
        Assert.Equal(
            $"Pupil {diagnosis.Subject} (and 8 more pupils with the same diagnosis) was left out; no place without another pupil losing theirs: 'Installatietechniek' (north): no staff in 2027-W04 at 'Van Dijk Installatie' — a group of 16 needs 2 staff members including a qualified docent, 1 available (2 staff members can staff it: 1 absent).",
            ExplanationText.Render(diagnosis));
        Assert.Equal(9, report.PupilsLeftOut);
        Assert.Equal(9, report.SubjectsDiagnosed + report.SubjectsNotDiagnosed);
        Assert.True(report.Solves >= 9);
    }

    [Fact]
    public void CoreDiagnosis_names_the_full_venue_in_the_one_week_it_is_short()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .Offer("metal", "north", min: 2, max: 15)
            .Pupils(12, "north", "metal")
            .Docent("de-vries", "north", "metal")
            .Build();
        problem = problem with
        {
            Venues = [problem.Venues[0] with { CapacityOverrides = [new VenueWeekCapacity { Week = new Week(2027, 4), PupilCapacity = 10 }] }],
        };
        var allocation = Solve(problem);

        var diagnosis = Assert.Single(CoreDiagnosis.Diagnose(problem, allocation, Unbounded).Cases);

        Assert.Equal(2, diagnosis.Pupils.Length);
        var reason = Assert.Single(diagnosis.Reasons);
        Assert.Equal(ExplanationCodes.GroupFull, reason.Code);
        Assert.Equal("venue", reason.Fact("limit"));
        Assert.Equal("2027-W04", reason.Fact("week"));
        Assert.Equal(10, reason.IntFact("capacity"));
        Assert.Contains("venue 'north lab' is full in 2027-W04 (10 places)", ExplanationText.Render(diagnosis), StringComparison.Ordinal);
    }

    [Fact]
    public void CoreDiagnosis_names_the_minimum_group_size_when_too_few_want_an_offer()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .Offer("drones", "north", min: 6)
            .Pupils(3, "north", "drones")
            .Docent("de-vries", "north", "drones")
            .Build();
        var allocation = Solve(problem);

        var diagnosis = Assert.Single(CoreDiagnosis.Diagnose(problem, allocation, Unbounded).Cases);

        Assert.Equal(["north-01", "north-02", "north-03"], diagnosis.Pupils.Select(p => p.Value));
        var reason = Assert.Single(diagnosis.Reasons);
        Assert.Equal(ExplanationCodes.GroupBelowMinimum, reason.Code);
        Assert.Equal(6, reason.IntFact("minimum"));
        Assert.Equal(3, reason.IntFact("could-join"));
        Assert.EndsWith("'drones' (north): a group needs at least 6 pupils and only 3 could take it.", ExplanationText.Render(diagnosis), StringComparison.Ordinal);
    }

    [Fact]
    public void CoreDiagnosis_names_a_full_group_and_an_unreachable_choice_together()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .School("far", northKm: -40)
            .Offer("far-wood", "far", min: 1)
            .Offer("metal", "north", min: 2, max: 4)
            .Pupils(4, "north", "metal")
            .Pupils(1, "north", "far-wood", "metal")
            .Docent("de-vries", "north", "metal")
            .Docent("smit", "far", "far-wood")
            .Build();
        var allocation = Solve(problem);

        var diagnosis = Assert.Single(CoreDiagnosis.Diagnose(problem, allocation, Unbounded).Cases);

        Assert.Equal("north-05", diagnosis.Subject);
        Assert.Equal(
            [(ExplanationCodes.ArrivesTooLate, "far-wood"), (ExplanationCodes.GroupFull, "metal")],
            diagnosis.Reasons.Select(r => (r.Code, r.Subject)).Order());
    }

    [Fact]
    public void CoreDiagnosis_explains_a_closed_offer_by_the_week_its_only_docent_is_absent()
    {
        var problem = HybridDocentAbsent();
        var allocation = Solve(problem);

        var diagnosis = Assert.Single(CoreDiagnosis.Diagnose(problem, allocation, Unbounded).Cases);

        Assert.Equal(DiagnosisSubjectKind.OfferClosed, diagnosis.Kind);
        Assert.Equal("drones", diagnosis.Subject);
        Assert.Equal(4, diagnosis.Pupils.Length);
        var reason = Assert.Single(diagnosis.Reasons);
        Assert.Equal(ExplanationCodes.NoStaffInWeek, reason.Code);
        Assert.Equal("2027-W04", reason.Fact("week"));
        Assert.StartsWith("'Dronetechniek' ran no group although 4 pupils would rather have it; it cannot run without another pupil losing their place: 'Dronetechniek' (north): no staff in 2027-W04", ExplanationText.Render(diagnosis), StringComparison.Ordinal);
    }

    [Fact]
    public void CoreDiagnosis_explains_a_closed_offer_by_its_size_and_the_minimum_of_the_group_its_pupils_are_in()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .Offer("drones", "north", min: 2, max: 2)
            .Offer("wood", "north", min: 3)
            .Pupils(3, "north", "drones", "wood")
            .Docent("de-vries", "north", "drones")
            .Docent("bakker", "north", "wood")
            .Build();
        var allocation = Solve(problem);
        Assert.Equal(3, allocation.CountIn("wood"));

        var diagnosis = Assert.Single(CoreDiagnosis.Diagnose(problem, allocation, Unbounded).Cases);

        Assert.Equal((DiagnosisSubjectKind.OfferClosed, "drones", DiagnosisStatus.MinimalReasons), (diagnosis.Kind, diagnosis.Subject, diagnosis.Status));
        Assert.Equal(
            [(ExplanationCodes.GroupFull, "drones"), (ExplanationCodes.GroupBelowMinimum, "wood")],
            diagnosis.Reasons.Select(r => (r.Code, r.Subject)));
        Assert.Equal(
            "'drones' ran no group although 3 pupils would rather have it; it cannot run without another pupil losing their place: 'drones' (north): the group is full (at most 2 pupils). 'wood' (north): a group needs at least 3 pupils; its smallest group has 3, so it cannot give up anyone.",
            ExplanationText.Render(diagnosis));
    }

    [Fact]
    public void CoreDiagnosis_says_no_rule_blocks_a_pupil_a_plan_left_out_needlessly()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .Offer("metal", "north", min: 1)
            .Pupils(2, "north", "metal")
            .Docent("de-vries", "north", "metal")
            .Build();
        var allocation = Solve(problem);
        var skimped = allocation with
        {
            Placements = [.. allocation.Placements.Where(p => p.Pupil.Value == "north-01")],
            Groups = [.. allocation.Groups.Select(g => g with { Pupils = [new PupilId("north-01")] })],
            Unplaced = [new UnplacedPupil { Pupil = new PupilId("north-02"), Reason = "capacity" }],
        };

        var diagnosis = Assert.Single(CoreDiagnosis.Diagnose(problem, skimped, Unbounded).Cases);

        Assert.Equal(DiagnosisStatus.NoRuleBlocks, diagnosis.Status);
        Assert.Empty(diagnosis.Reasons);
        Assert.Equal("Pupil north-02 was left out: no hard rule blocks a place for them while every other pupil keeps theirs (the plan is not optimal here).", ExplanationText.Render(diagnosis));
    }

    [Fact]
    public void CoreDiagnosis_diagnoses_at_most_the_configured_number_of_subjects_and_counts_the_rest()
    {
        var problem = HotspotWeekWithOneStaff(pupils: 24);
        var allocation = Solve(problem);

        var report = CoreDiagnosis.Diagnose(problem, allocation, Unbounded with { MaxSubjects = 2 });

        Assert.Equal(2, report.SubjectsDiagnosed);
        Assert.Equal(7, report.SubjectsNotDiagnosed);
        Assert.Equal(2, Assert.Single(report.Cases).Pupils.Length);
    }

    [Fact]
    public void CoreDiagnosis_starts_no_subject_once_its_time_budget_is_spent_and_counts_them()
    {
        var problem = HotspotWeekWithOneStaff(pupils: 24);
        var allocation = Solve(problem);

        var report = CoreDiagnosis.Diagnose(problem, allocation, DiagnosisSettings.Default with { TimeBudget = TimeSpan.Zero });

        Assert.Empty(report.Cases);
        Assert.Equal(0, report.SubjectsDiagnosed);
        Assert.Equal(9, report.SubjectsNotDiagnosed);
        Assert.Equal(0, report.Solves);
    }

    [Fact]
    public void CoreSearch_keeps_the_core_found_but_does_not_call_it_minimal_when_time_runs_out()
    {
        var problem = HotspotWeekWithOneStaff(pupils: 24);
        var allocation = Solve(problem);
        var context = new ExplanationContext(problem, allocation);
        var pupil = context.Index.Pupils[allocation.Unplaced[0].Pupil];

        var (status, reasons) = CoreSearch.Minimal(DiagnosisModel.ForPupil(context, pupil), Unbounded, () => true);
        var diagnosisCase = new DiagnosisCase(DiagnosisSubjectKind.PupilLeftOut, pupil.Id.Value, [pupil.Id], [], status, "");

        Assert.Equal(DiagnosisStatus.ReasonsNotProvenMinimal, status);
        Assert.Contains(reasons, r => r.Kind == AssumptionKind.StaffInWeek && r.Week == new Week(2027, 4));
        Assert.EndsWith("(A time limit stopped the proof that every reason is needed.)", ExplanationText.Render(diagnosisCase), StringComparison.Ordinal);
    }

    [Fact]
    public void CoreDiagnosis_says_so_when_none_of_a_pupils_choices_is_offered()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .Offer("metal", "north", min: 1)
            .Pupils(1, "north", "ghost")
            .Docent("de-vries", "north", "metal")
            .Build();

        var diagnosis = Assert.Single(CoreDiagnosis.Diagnose(problem, new Allocation(), Unbounded).Cases);

        Assert.Equal(DiagnosisStatus.MinimalReasons, diagnosis.Status);
        Assert.Empty(diagnosis.Reasons);
        Assert.Equal("Pupil north-01 was left out: none of their choices is an elective offered in this period.", ExplanationText.Render(diagnosis));
    }

    [Fact]
    public void CoreDiagnosis_is_empty_when_everyone_is_placed()
    {
        var problem = HotspotBeyondBusReach();

        var report = CoreDiagnosis.Diagnose(problem, Solve(problem), Unbounded);

        Assert.Empty(report.Cases);
        Assert.Equal(0, report.SubjectsDiagnosed + report.SubjectsNotDiagnosed);
    }

    [Fact]
    public void CoreDiagnosis_rejects_missing_inputs_and_bad_limits()
    {
        var problem = HotspotBeyondBusReach();
        var allocation = new Allocation();

        Assert.Throws<ArgumentNullException>(() => CoreDiagnosis.Diagnose(null!, allocation));
        Assert.Throws<ArgumentNullException>(() => CoreDiagnosis.Diagnose(problem, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => CoreDiagnosis.Diagnose(problem, allocation, DiagnosisSettings.Default with { MaxSubjects = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => CoreDiagnosis.Diagnose(problem, allocation, DiagnosisSettings.Default with { DeterministicSecondsPerSolve = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => CoreDiagnosis.Diagnose(problem, allocation, DiagnosisSettings.Default with { SecondsPerSolve = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => CoreDiagnosis.Diagnose(problem, allocation, DiagnosisSettings.Default with { TimeBudget = TimeSpan.FromSeconds(-1) }));
        Assert.Throws<ArgumentNullException>(() => ExplanationText.Render((DiagnosisCase)null!));
    }

    [Fact]
    public void CoreDiagnosis_tolerates_an_allocation_naming_unknown_pupils_and_offers()
    {
        var problem = HotspotBeyondBusReach();
        var allocation = new Allocation
        {
            Placements = [new PupilPlacement { Pupil = new PupilId("ghost"), Offer = new OfferId("nowhere"), Rank = 1 }],
            Groups = [new GroupPlan { Offer = new OfferId("nowhere"), Pupils = [new PupilId("ghost")] }],
        };

        var report = CoreDiagnosis.Diagnose(problem, allocation, DiagnosisSettings.Default with { MaxSubjects = 0 });

        Assert.Empty(report.Cases);
        Assert.Equal(6, report.PupilsLeftOut);
        Assert.Equal(6 + report.OffersClosed, report.SubjectsNotDiagnosed);
    }

    /// <summary>
    /// "install" meets at north's lab in week 3 and at the Van Dijk hotspot in week 4; two docents can staff it, but
    /// one is absent in week 4, so one group of at most 15 can run (1:15) while <paramref name="pupils"/> want it.
    /// </summary>
    private static SchedulingProblem HotspotWeekWithOneStaff(int pupils)
    {
        var hotspot = VanDijkHotspot(northKm: 3, capacity: 40);
        return new ProblemBuilder()
            .School("north")
            .Venue(hotspot)
            .Offer("install", "north", min: 2, max: 30, change: o => o with
            {
                Name = "Installatietechniek",
                Sessions = [o.Sessions[0], o.Sessions[1] with { Venue = hotspot.Id }],
            })
            .Pupils(pupils, "north", "install")
            .Docent("de-vries", "north", "install")
            .Staff(new StaffMember
            {
                Id = new StaffId("bakker"), Name = "bakker", Kind = StaffKind.Docent, IsQualifiedTeacher = true,
                BaseSite = "north", Qualifications = ["install"], UnavailableWeeks = [new Week(2027, 4)],
            })
            .Build();
    }
}
