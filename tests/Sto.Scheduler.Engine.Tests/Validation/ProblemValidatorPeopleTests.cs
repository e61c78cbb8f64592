using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;
using Sto.Scheduler.Engine.Tests.Support;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Engine.Tests.Validation;

public sealed class ProblemValidatorPeopleTests
{
    [Fact]
    public void Validate_reports_a_staff_member_without_a_name()
    {
        var problem = ValidProblem.Create().WithStaffMember(0, s => s with { Name = "" });

        IssueAssert.Single(problem, "staff[0].name", IssueCodes.MissingValue);
    }

    [Fact]
    public void Validate_reports_a_base_site_that_is_neither_school_nor_venue()
    {
        var problem = ValidProblem.Create().WithStaffMember(0, s => s with { BaseSite = "head-office" });

        var issue = IssueAssert.Single(problem, "staff[0].baseSite", IssueCodes.UnknownSite);
        Assert.Equal("Staff member 'de-vries' has base site 'head-office', but no school or venue has that id.", issue.Message);
    }

    [Fact]
    public void Validate_reports_an_available_week_outside_the_period()
    {
        var problem = ValidProblem.Create().WithStaffMember(1, s => s with { AvailableWeeks = [ValidProblem.Week(6), ValidProblem.Week(30)] });

        IssueAssert.Single(problem, "staff[1].availableWeeks[1]", IssueCodes.WeekOutsidePeriod);
    }

    [Fact]
    public void Validate_reports_a_blank_qualification()
    {
        var problem = ValidProblem.Create().WithStaffMember(0, s => s with { Qualifications = ["PIE", "  "] });

        IssueAssert.Single(problem, "staff[0].qualifications[1]", IssueCodes.MissingValue);
    }

    [Fact]
    public void Validate_reports_an_undefined_staff_kind()
    {
        var problem = ValidProblem.Create().WithStaffMember(0, s => s with { Kind = (StaffKind)99 });

        IssueAssert.Single(problem, "staff[0].kind", IssueCodes.InvalidEnumValue);
    }

    [Fact]
    public void Validate_reports_a_pupil_of_an_unknown_school()
    {
        var problem = ValidProblem.Create().WithPupil(1, p => p with { School = new SchoolId("west") });

        IssueAssert.Single(problem, "pupils[1].school", IssueCodes.UnknownSchool);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void Validate_reports_a_pupil_year_outside_one_to_six_without_repeating_it_per_choice(int year)
    {
        var problem = ValidProblem.Create().WithPupil(0, p => p with { Year = year });

        IssueAssert.Single(problem, "pupils[0].year", IssueCodes.ValueOutOfRange);
    }

    [Fact]
    public void Validate_reports_an_undefined_learning_path()
    {
        var problem = ValidProblem.Create().WithPupil(0, p => p with { Path = 0 });

        IssueAssert.Single(problem, "pupils[0].path", IssueCodes.InvalidEnumValue);
    }

    [Fact]
    public void Validate_reports_a_choice_of_an_unknown_offer()
    {
        var problem = ValidProblem.Create().WithChoice(0, 1, c => c with { Offer = new OfferId("pottery") });

        var issue = IssueAssert.Single(problem, "pupils[0].choices[1].offer", IssueCodes.UnknownOffer);
        Assert.Equal("Pupil 'p-001' has chosen offer 'pottery', but no offer has that id.", issue.Message);
    }

    [Fact]
    public void Validate_reports_a_rank_below_one()
    {
        var problem = ValidProblem.Create().WithChoice(0, 0, c => c with { Rank = 0 });

        IssueAssert.Single(problem, "pupils[0].choices[0].rank", IssueCodes.ValueOutOfRange);
    }

    [Fact]
    public void Validate_reports_a_rank_given_twice()
    {
        var problem = ValidProblem.Create().WithChoice(1, 1, c => c with { Rank = 1 });

        IssueAssert.Single(problem, "pupils[1].choices[1].rank", IssueCodes.DuplicateRank);
    }

    [Fact]
    public void Validate_reports_an_offer_chosen_twice()
    {
        var problem = ValidProblem.Create().WithChoice(0, 1, c => c with { Offer = new OfferId("welding") });

        IssueAssert.Single(problem, "pupils[0].choices[1].offer", IssueCodes.DuplicateChoice);
    }

    [Fact]
    public void Validate_reports_a_choice_the_pupils_year_can_never_take()
    {
        var problem = ValidProblem.Create().WithPupil(2, p => p with { Year = 2 });

        var issue = IssueAssert.Single(problem, "pupils[2].choices[0].offer", IssueCodes.ChoiceNotEligible);
        Assert.Equal(
            "Pupil 'p-003' chose offer 'robotics' at rank 1, but can never take it: the pupil is in year 2, which the offer does not admit (allowed: 3, 4).",
            issue.Message);
    }

    [Fact]
    public void Validate_reports_a_choice_the_pupils_learning_path_can_never_take()
    {
        var problem = ValidProblem.Create().WithPupil(2, p => p with { Path = LearningPath.Theoretical });

        var issue = IssueAssert.Single(problem, "pupils[2].choices[0].offer", IssueCodes.ChoiceNotEligible);
        Assert.Contains("learning path 'tl'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_reports_a_choice_the_pupils_profile_can_never_take()
    {
        var problem = ValidProblem.Create()
            .WithOffer(1, o => o with { Eligibility = o.Eligibility with { Profiles = ["PIE"] } })
            .WithPupil(2, p => p with { Profile = "Z&W" });

        var issue = IssueAssert.Single(problem, "pupils[2].choices[0].offer", IssueCodes.ChoiceNotEligible);
        Assert.Contains("profile 'Z&W'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_reports_a_choice_of_an_elective_already_completed()
    {
        var problem = ValidProblem.Create().WithPupil(0, p => p with { CompletedElectives = ["pie-booglas"] });

        var issue = IssueAssert.Single(problem, "pupils[0].choices[0].offer", IssueCodes.ChoiceNotEligible);
        Assert.Contains("already completed elective 'PIE-BOOGLAS'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_reports_a_choice_without_its_prerequisite_and_accepts_it_with_the_prerequisite()
    {
        var problem = ValidProblem.Create().WithOffer(1, o => o with { Eligibility = o.Eligibility with { PrerequisiteElectives = ["PIE-BASIS"] } });

        // p-003 completed PIE-BASIS; p-001 and p-002 did not.
        var issues = ProblemValidator.Validate(problem);

        Assert.Equal(
            [("pupils[0].choices[1].offer", IssueCodes.ChoiceNotEligible), ("pupils[1].choices[0].offer", IssueCodes.ChoiceNotEligible)],
            issues.Select(i => (i.Path, i.Code)));
    }

    [Fact]
    public void Validate_accepts_a_choice_the_pupil_cannot_reach_in_time()
    {
        // A 2-hour bus ride makes robotics unreachable from the north, which the solver reports, not the validator.
        var problem = ValidProblem.Create().WithTravelLeg(0, l => l with { DistanceKm = 90, BusMinutes = 120, BikeMinutes = 360 });
        var verdict = new CandidateFilter(problem, ProblemIndex.Build(problem)).Check(problem.Pupils[2], problem.Offers[1]);

        Assert.Equal(ReasonCodes.ArrivesTooLate, verdict.Reason);
        IssueAssert.None(problem);
    }

    [Fact]
    public void Validate_accepts_a_choice_of_an_offer_closed_to_the_pupils_school()
    {
        var problem = ValidProblem.Create().WithOffer(0, o => o with { OpenSeats = 0 });

        IssueAssert.None(problem);
    }
}
