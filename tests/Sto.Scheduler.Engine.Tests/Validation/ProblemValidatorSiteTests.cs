using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Tests.Support;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Engine.Tests.Validation;

public sealed class ProblemValidatorSiteTests
{
    [Fact]
    public void Validate_reports_a_school_with_invalid_coordinates()
    {
        var problem = ValidProblem.Create().WithSchool(1, s => s with { Location = new GeoPoint(91, 5) });

        IssueAssert.Single(problem, "schools[1].location", IssueCodes.InvalidCoordinates);
    }

    [Fact]
    public void Validate_reports_a_release_time_before_the_afternoon()
    {
        var problem = ValidProblem.Create().WithSchool(0, s => s with { ReleaseTime = new TimeOnly(12, 0) });

        var issue = IssueAssert.Single(problem, "schools[0].releaseTime", IssueCodes.OutsideAfternoon);
        Assert.Equal("School 'north' releases its pupils at 12:00, outside the common afternoon 12:45–16:15.", issue.Message);
    }

    [Fact]
    public void Validate_reports_a_return_time_not_after_the_release()
    {
        var problem = ValidProblem.Create().WithSchool(1, s => s with { ReleaseTime = new TimeOnly(13, 0), ReturnBy = new TimeOnly(13, 0) });

        IssueAssert.Single(problem, "schools[1].returnBy", IssueCodes.ReturnNotAfterRelease);
    }

    [Fact]
    public void Validate_reports_a_return_time_after_the_afternoon()
    {
        var problem = ValidProblem.Create().WithSchool(1, s => s with { ReturnBy = new TimeOnly(16, 30) });

        IssueAssert.Single(problem, "schools[1].returnBy", IssueCodes.OutsideAfternoon);
    }

    [Fact]
    public void Validate_accepts_a_return_time_at_the_end_of_the_afternoon()
    {
        var problem = ValidProblem.Create().WithSchool(1, s => s with { ReturnBy = new TimeOnly(16, 15) });

        IssueAssert.None(problem);
    }

    [Fact]
    public void Validate_reports_a_venue_with_invalid_coordinates()
    {
        var problem = ValidProblem.Create().WithVenue(0, v => v with { Location = new GeoPoint(52, double.NaN) });

        IssueAssert.Single(problem, "venues[0].location", IssueCodes.InvalidCoordinates);
    }

    [Fact]
    public void Validate_reports_a_negative_venue_capacity()
    {
        var problem = ValidProblem.Create().WithVenue(0, v => v with { WeeklyPupilCapacity = -1 });

        IssueAssert.Single(problem, "venues[0].weeklyPupilCapacity", IssueCodes.ValueOutOfRange);
    }

    [Fact]
    public void Validate_reports_a_venue_on_an_unknown_school()
    {
        var problem = ValidProblem.Create().WithVenue(0, v => v with { School = new SchoolId("west") });

        var issue = IssueAssert.Single(problem, "venues[0].school", IssueCodes.UnknownSchool);
        Assert.Equal("Venue 'north-workshop' has school 'west', but no school has that id.", issue.Message);
    }

    [Fact]
    public void Validate_reports_a_hosting_week_outside_the_period()
    {
        var problem = ValidProblem.Create().WithVenue(1, v => v with { HostingWeeks = [ValidProblem.Week(6), ValidProblem.Week(8)] });

        IssueAssert.Single(problem, "venues[1].hostingWeeks[1]", IssueCodes.WeekOutsidePeriod);
    }

    [Fact]
    public void Validate_reports_a_capacity_override_outside_the_period()
    {
        var problem = ValidProblem.Create().WithVenue(1, v => v with { CapacityOverrides = [new VenueWeekCapacity { Week = ValidProblem.Week(9) }] });

        IssueAssert.Single(problem, "venues[1].capacityOverrides[0].week", IssueCodes.WeekOutsidePeriod);
    }

    [Fact]
    public void Validate_reports_a_negative_capacity_override()
    {
        var problem = ValidProblem.Create().WithVenue(1, v => v with { CapacityOverrides = [new VenueWeekCapacity { Week = ValidProblem.Week(7), PupilCapacity = -3 }] });

        IssueAssert.Single(problem, "venues[1].capacityOverrides[0].pupilCapacity", IssueCodes.ValueOutOfRange);
    }

    [Fact]
    public void Validate_reports_a_week_overridden_twice()
    {
        var problem = ValidProblem.Create().WithVenue(1, v => v with
        {
            CapacityOverrides = [new VenueWeekCapacity { Week = ValidProblem.Week(7) }, new VenueWeekCapacity { Week = ValidProblem.Week(7), PupilCapacity = 5 }],
        });

        IssueAssert.Single(problem, "venues[1].capacityOverrides[1].week", IssueCodes.DuplicateOverrideWeek);
    }

    [Fact]
    public void Validate_reports_an_undefined_venue_kind()
    {
        var problem = ValidProblem.Create().WithVenue(1, v => v with { Kind = (VenueKind)42 });

        IssueAssert.Single(problem, "venues[1].kind", IssueCodes.InvalidEnumValue);
    }
}
