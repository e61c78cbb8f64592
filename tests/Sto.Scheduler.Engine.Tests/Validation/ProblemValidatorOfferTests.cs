using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Tests.Support;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Engine.Tests.Validation;

public sealed class ProblemValidatorOfferTests
{
    [Fact]
    public void Validate_reports_an_offer_without_elective_code_name_or_qualification()
    {
        var problem = ValidProblem.Create().WithOffer(0, o => o with { ElectiveCode = "", Name = " ", RequiredQualification = "" });

        var issues = ProblemValidator.Validate(problem);

        Assert.Equal(
            [
                ("offers[0].electiveCode", IssueCodes.MissingValue),
                ("offers[0].name", IssueCodes.MissingValue),
                ("offers[0].requiredQualification", IssueCodes.MissingValue),
            ],
            issues.Select(i => (i.Path, i.Code)));
    }

    [Fact]
    public void Validate_reports_an_unknown_host_school()
    {
        var problem = ValidProblem.Create().WithOffer(0, o => o with { HostSchool = new SchoolId("west") });

        IssueAssert.Single(problem, "offers[0].hostSchool", IssueCodes.UnknownSchool);
    }

    [Fact]
    public void Validate_reports_a_minimum_group_size_below_one()
    {
        var problem = ValidProblem.Create().WithOffer(0, o => o with { MinGroupSize = 0 });

        IssueAssert.Single(problem, "offers[0].minGroupSize", IssueCodes.ValueOutOfRange);
    }

    [Fact]
    public void Validate_reports_a_maximum_group_size_below_the_minimum()
    {
        var problem = ValidProblem.Create().WithOffer(1, o => o with { MinGroupSize = 13 });

        var issue = IssueAssert.Single(problem, "offers[1].maxGroupSize", IssueCodes.ValueOutOfRange);
        Assert.Equal("Offer 'robotics' has a maximum group size of 12, below its minimum of 13.", issue.Message);
    }

    [Fact]
    public void Validate_reports_no_parallel_groups()
    {
        var problem = ValidProblem.Create().WithOffer(0, o => o with { MaxParallelGroups = 0 });

        IssueAssert.Single(problem, "offers[0].maxParallelGroups", IssueCodes.ValueOutOfRange);
    }

    [Fact]
    public void Validate_reports_negative_own_pupil_seats()
    {
        var problem = ValidProblem.Create().WithOffer(0, o => o with { OwnPupilSeats = -1 });

        IssueAssert.Single(problem, "offers[0].ownPupilSeats", IssueCodes.ValueOutOfRange);
    }

    [Fact]
    public void Validate_reports_negative_open_seats()
    {
        var problem = ValidProblem.Create().WithOffer(0, o => o with { OpenSeats = -1 });

        IssueAssert.Single(problem, "offers[0].openSeats", IssueCodes.ValueOutOfRange);
    }

    [Fact]
    public void Validate_reports_more_reserved_and_open_seats_than_the_groups_hold()
    {
        var problem = ValidProblem.Create().WithOffer(0, o => o with { OwnPupilSeats = 6, OpenSeats = 5 });

        var issue = IssueAssert.Single(problem, "offers[0].openSeats", IssueCodes.SeatsExceedCapacity);
        Assert.Equal("Offer 'welding' reserves 6 own-pupil seats and 5 open seats, more than its 10 seats (1 × a maximum group size of 10).", issue.Message);
    }

    [Fact]
    public void The_seat_rules_of_one_offer_give_the_same_issue_with_a_path_relative_to_the_offer()
    {
        var offer = ValidProblem.Create().Offers[0] with { OwnPupilSeats = 6, OpenSeats = 5 };

        var issue = Assert.Single(ProblemValidator.ValidateOfferSeats(offer));

        Assert.Equal(("openSeats", IssueCodes.SeatsExceedCapacity), (issue.Path, issue.Code));
        Assert.Equal("Offer 'welding' reserves 6 own-pupil seats and 5 open seats, more than its 10 seats (1 × a maximum group size of 10).", issue.Message);
        Assert.Empty(ProblemValidator.ValidateOfferSeats(offer with { MaxParallelGroups = 2 }));
    }

    [Fact]
    public void Validate_accepts_seats_that_fill_parallel_groups_exactly()
    {
        var problem = ValidProblem.Create().WithOffer(0, o => o with { MaxParallelGroups = 2, OwnPupilSeats = 10, OpenSeats = 10 });

        IssueAssert.None(problem);
    }

    [Fact]
    public void Validate_reports_an_offer_without_host_school_or_open_seats()
    {
        var problem = ValidProblem.Create()
            .WithOffer(1, o => o with { OpenSeats = 0 })
            .WithPupil(1, p => p with { Choices = [new ElectiveChoice { Offer = new OfferId("welding"), Rank = 1 }] })
            .WithPupil(2, p => p with { Choices = [] })
            .WithPupil(0, p => p with { Choices = [p.Choices[0]] });

        IssueAssert.Single(problem, "offers[1].openSeats", IssueCodes.ClosedToEveryone);
    }

    [Fact]
    public void Validate_accepts_a_hosted_offer_closed_to_other_schools()
    {
        var problem = ValidProblem.Create()
            .WithOffer(0, o => o with { OpenSeats = 0 })
            .WithPupil(1, p => p with { Choices = [p.Choices[0]] });

        IssueAssert.None(problem);
    }

    [Fact]
    public void Validate_reports_an_offer_without_sessions()
    {
        var problem = ValidProblem.Create().WithOffer(1, o => o with { Sessions = [] });

        IssueAssert.Single(problem, "offers[1].sessions", IssueCodes.NoSessions);
    }

    [Fact]
    public void Validate_reports_an_undefined_eligible_path()
    {
        var problem = ValidProblem.Create().WithOffer(1, o => o with { Eligibility = o.Eligibility with { Paths = [LearningPath.Advanced, (LearningPath)7] } });

        IssueAssert.Single(problem, "offers[1].eligibility.paths[1]", IssueCodes.InvalidEnumValue);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void Validate_reports_an_eligible_year_outside_one_to_six(int year)
    {
        var problem = ValidProblem.Create().WithOffer(1, o => o with { Eligibility = o.Eligibility with { Years = [3, 4, year] } });

        IssueAssert.Single(problem, "offers[1].eligibility.years[2]", IssueCodes.ValueOutOfRange);
    }

    [Fact]
    public void Validate_reports_blank_eligible_profiles_and_prerequisites()
    {
        var problem = ValidProblem.Create()
            .WithOffer(0, o => o with { Eligibility = new Eligibility { Profiles = ["PIE", ""], PrerequisiteElectives = [" "] } })
            .WithPupil(0, p => p with { Choices = [p.Choices[1]] })
            .WithPupil(1, p => p with { Choices = [p.Choices[0]] });

        var issues = ProblemValidator.Validate(problem);

        Assert.Equal(
            [("offers[0].eligibility.profiles[1]", IssueCodes.MissingValue), ("offers[0].eligibility.prerequisiteElectives[0]", IssueCodes.MissingValue)],
            issues.Select(i => (i.Path, i.Code)));
    }

    [Fact]
    public void Validate_reports_an_unknown_kit()
    {
        var problem = ValidProblem.Create().WithOffer(0, o => o with { Kits = [new KitNeed { Kit = new KitId("laser-kit") }] });

        IssueAssert.Single(problem, "offers[0].kits[0].kit", IssueCodes.UnknownKit);
    }

    [Fact]
    public void Validate_reports_a_kit_need_below_one_per_group()
    {
        var problem = ValidProblem.Create().WithOffer(0, o => o with { Kits = [new KitNeed { Kit = new KitId("welding-kit"), CountPerGroup = 0 }] });

        IssueAssert.Single(problem, "offers[0].kits[0].countPerGroup", IssueCodes.ValueOutOfRange);
    }

    [Fact]
    public void Validate_reports_a_negative_kit_count()
    {
        var problem = ValidProblem.Create() with { Kits = [new EquipmentKit { Id = new KitId("welding-kit"), Count = -2 }] };

        IssueAssert.Single(problem, "kits[0].count", IssueCodes.ValueOutOfRange);
    }
}
