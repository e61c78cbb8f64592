using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Tests.Support;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Engine.Tests.Validation;

public sealed class ProblemValidatorTests
{
    [Fact]
    public void Validate_finds_no_issue_in_a_valid_small_problem() => IssueAssert.None(ValidProblem.Create());

    [Fact]
    public void Validate_throws_only_for_a_null_problem() =>
        Assert.Throws<ArgumentNullException>(() => ProblemValidator.Validate(null!));

    [Fact]
    public void Validate_returns_every_broken_field_at_once()
    {
        var problem = ValidProblem.Create()
            .WithRules(r => r with { BusSeatCount = 0 })
            .WithVenue(1, v => v with { WeeklyPupilCapacity = -1 })
            .WithSession(0, 1, s => s with { End = new TimeOnly(13, 0) })
            .WithPupil(2, p => p with { Year = 9 })
            .WithTravelLeg(0, l => l with { To = "nowhere" });

        var issues = ProblemValidator.Validate(problem);

        Assert.Equal(
            [
                ("rules.busSeatCount", IssueCodes.ValueOutOfRange),
                ("venues[1].weeklyPupilCapacity", IssueCodes.ValueOutOfRange),
                ("offers[0].sessions[1].end", IssueCodes.EndNotAfterStart),
                ("pupils[2].year", IssueCodes.ValueOutOfRange),
                ("travelLegs[0].to", IssueCodes.UnknownSite),
            ],
            issues.Select(i => (i.Path, i.Code)));
    }

    [Fact]
    public void Validate_names_the_value_and_the_reason_in_its_message()
    {
        var problem = ValidProblem.Create()
            .WithSession(0, 0, s => s with { Start = new TimeOnly(13, 30), End = new TimeOnly(12, 30) });

        var issues = ProblemValidator.Validate(problem);

        // The end before the start and the end before the afternoon are two separate facts.
        var issue = Assert.Single(issues, i => i.Code == IssueCodes.EndNotAfterStart);
        Assert.Equal("offers[0].sessions[0].end", issue.Path);
        Assert.Equal("Session in 2027-W05 ends at 12:30, before it starts at 13:30.", issue.Message);
    }

    [Fact]
    public void Validate_does_not_throw_on_default_immutable_arrays()
    {
        var problem = new SchedulingProblem
        {
            Weeks = default,
            Schools = [new School { Id = new SchoolId("north"), Paths = default, Profiles = default }],
            Venues = [new Venue { Id = new VenueId("lab"), HostingWeeks = default, CapacityOverrides = default }],
            Offers =
            [
                new ElectiveOffer
                {
                    Id = new OfferId("o"), ElectiveCode = "X", Name = "X", RequiredQualification = "X", OpenSeats = 1,
                    Sessions = default, Kits = default,
                    Eligibility = new Eligibility { Paths = default, Years = default, Profiles = default, PrerequisiteElectives = default },
                },
            ],
            Staff = [new StaffMember { Id = new StaffId("s"), Name = "S", BaseSite = "lab", Qualifications = default, AvailableWeeks = default }],
            Pupils = [new Pupil { Id = new PupilId("p"), School = new SchoolId("north"), Choices = default, CompletedElectives = default }],
            Kits = default,
            TravelLegs = default,
            Rules = new RegionRules
            {
                StaffKindsCountingForRatio = default,
                Objective = new ObjectiveSettings { RankCosts = default },
            },
        };

        var issues = ProblemValidator.Validate(problem);

        Assert.Equal(
            [
                ("weeks", IssueCodes.NoWeeks),
                ("rules.objective.rankCosts", IssueCodes.NoRankCosts),
                ("offers[0].sessions", IssueCodes.NoSessions),
            ],
            issues.Select(i => (i.Path, i.Code)));
    }

    [Fact]
    public void Validate_reports_null_entries_instead_of_throwing()
    {
        var problem = ValidProblem.Create() with
        {
            Schools = ValidProblem.Create().Schools.Add(null!),
            Venues = ValidProblem.Create().Venues.Insert(0, null!),
            Offers = ValidProblem.Create().Offers.Add(null!),
            Staff = [null!],
            Pupils = ValidProblem.Create().Pupils.Add(null!),
            Kits = [null!],
            TravelLegs = [null!],
        };
        problem = problem
            .WithOffer(0, o => o with { Sessions = o.Sessions.Add(null!), Kits = [null!], Eligibility = null! })
            .WithVenue(2, v => v with { CapacityOverrides = [null!] })
            .WithPupil(0, p => p with { Choices = p.Choices.Add(null!) });

        var issues = ProblemValidator.Validate(problem);

        string[] nulls =
        [
            "schools[2]", "venues[0]", "venues[2].capacityOverrides[0]", "kits[0]", "offers[0].sessions[3]",
            "offers[0].kits[0]", "offers[2]", "staff[0]", "pupils[0].choices[2]", "pupils[3]", "travelLegs[0]",
        ];
        Assert.Equal(nulls, issues.Where(i => i.Code == IssueCodes.NullEntry).Select(i => i.Path));
    }

    [Fact]
    public void Validate_reports_missing_nested_records_instead_of_throwing()
    {
        var problem = ValidProblem.Create() with { Afternoon = null!, Rules = null! };

        var issues = ProblemValidator.Validate(problem);

        Assert.Equal([("afternoon", IssueCodes.NullEntry), ("rules", IssueCodes.NullEntry)], issues.Select(i => (i.Path, i.Code)));
    }

    [Fact]
    public void Validate_reports_missing_travel_model_and_objective_instead_of_throwing()
    {
        var problem = ValidProblem.Create().WithRules(r => r with { Travel = null!, Objective = null! });

        var issues = ProblemValidator.Validate(problem);

        Assert.Equal(
            [("rules.travel", IssueCodes.NullEntry), ("rules.objective", IssueCodes.NullEntry)],
            issues.Select(i => (i.Path, i.Code)));
    }

    [Fact]
    public void Validate_does_not_throw_on_default_ids_and_null_texts()
    {
        var problem = new SchedulingProblem
        {
            Weeks = [ValidProblem.Week(5)],
            Schools = [new School { Id = default, Name = null! }],
            Venues = [new Venue { Id = default, School = default(SchoolId) }],
            Kits = [new EquipmentKit { Id = default }],
            Offers =
            [
                new ElectiveOffer
                {
                    Id = default, ElectiveCode = null!, Name = null!, RequiredQualification = null!, HostSchool = default(SchoolId),
                    Sessions = [new Session { Week = ValidProblem.Week(5), Venue = default, Start = new TimeOnly(13, 0), End = new TimeOnly(14, 0) }],
                    Kits = [new KitNeed { Kit = default }],
                },
            ],
            Staff = [new StaffMember { Id = default, Name = null!, BaseSite = null!, Qualifications = [null!] }],
            Pupils =
            [
                new Pupil
                {
                    Id = default, School = default, Profile = null!,
                    Choices = [new ElectiveChoice { Offer = default, Rank = 1 }], CompletedElectives = [null!],
                },
            ],
            TravelLegs = [new TravelLeg { From = null!, To = null! }],
        };

        var issues = ProblemValidator.Validate(problem);

        IssueAssert.Contains(issues, "schools[0].id", IssueCodes.MissingId);
        IssueAssert.Contains(issues, "venues[0].id", IssueCodes.MissingId);
        IssueAssert.Contains(issues, "venues[0].school", IssueCodes.MissingValue);
        IssueAssert.Contains(issues, "offers[0].hostSchool", IssueCodes.MissingValue);
        IssueAssert.Contains(issues, "offers[0].sessions[0].venue", IssueCodes.MissingValue);
        IssueAssert.Contains(issues, "offers[0].kits[0].kit", IssueCodes.MissingValue);
        IssueAssert.Contains(issues, "staff[0].baseSite", IssueCodes.MissingValue);
        IssueAssert.Contains(issues, "staff[0].qualifications[0]", IssueCodes.MissingValue);
        IssueAssert.Contains(issues, "pupils[0].school", IssueCodes.MissingValue);
        IssueAssert.Contains(issues, "pupils[0].choices[0].offer", IssueCodes.MissingValue);
        IssueAssert.Contains(issues, "travelLegs[0].from", IssueCodes.MissingValue);
    }

    [Fact]
    public void Validate_reports_issues_as_an_immutable_array_that_is_never_default()
    {
        ImmutableArray<ValidationIssue> issues = ProblemValidator.Validate(ValidProblem.Create());

        Assert.False(issues.IsDefault);
    }
}
