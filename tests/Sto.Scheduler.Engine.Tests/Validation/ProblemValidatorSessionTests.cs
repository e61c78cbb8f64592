using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Tests.Support;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Engine.Tests.Validation;

public sealed class ProblemValidatorSessionTests
{
    [Fact]
    public void Validate_reports_a_session_in_a_week_outside_the_period()
    {
        var problem = ValidProblem.Create().WithSession(0, 2, s => s with { Week = ValidProblem.Week(8) });

        var issue = IssueAssert.Single(problem, "offers[0].sessions[2].week", IssueCodes.WeekOutsidePeriod);
        Assert.Equal("Offer 'welding' meets in 2027-W08, which is not a week of the planning period.", issue.Message);
    }

    [Fact]
    public void Validate_reports_two_sessions_of_one_offer_in_the_same_week()
    {
        var problem = ValidProblem.Create().WithSession(0, 2, s => s with { Week = ValidProblem.Week(6) });

        IssueAssert.Single(problem, "offers[0].sessions[2].week", IssueCodes.DuplicateSessionWeek);
    }

    [Fact]
    public void Validate_reports_a_session_at_an_unknown_venue()
    {
        var problem = ValidProblem.Create().WithSession(1, 0, s => s with { Venue = new VenueId("moon-base") });

        var issue = IssueAssert.Single(problem, "offers[1].sessions[0].venue", IssueCodes.UnknownVenue);
        Assert.Equal("The session of offer 'robotics' in 2027-W06 has venue 'moon-base', but no venue has that id.", issue.Message);
    }

    [Fact]
    public void Validate_reports_a_session_that_ends_when_it_starts()
    {
        var problem = ValidProblem.Create().WithSession(1, 1, s => s with { End = s.Start });

        IssueAssert.Single(problem, "offers[1].sessions[1].end", IssueCodes.EndNotAfterStart);
    }

    [Fact]
    public void Validate_reports_a_session_that_starts_before_the_afternoon()
    {
        var problem = ValidProblem.Create().WithSession(1, 1, s => s with { Start = new TimeOnly(12, 30) });

        var issue = IssueAssert.Single(problem, "offers[1].sessions[1].start", IssueCodes.OutsideAfternoon);
        Assert.Equal("Session in 2027-W07 starts at 12:30, before the common afternoon starts at 12:45.", issue.Message);
    }

    [Fact]
    public void Validate_reports_a_session_that_ends_after_the_afternoon()
    {
        var problem = ValidProblem.Create().WithSession(1, 1, s => s with { End = new TimeOnly(16, 30) });

        IssueAssert.Single(problem, "offers[1].sessions[1].end", IssueCodes.OutsideAfternoon);
    }

    [Fact]
    public void Validate_accepts_a_session_filling_the_whole_afternoon()
    {
        var problem = ValidProblem.Create().WithSession(0, 0, s => s with { Start = new TimeOnly(12, 45), End = new TimeOnly(16, 15) });

        IssueAssert.None(problem);
    }

    [Fact]
    public void Validate_reports_an_undefined_session_kind()
    {
        var problem = ValidProblem.Create().WithSession(0, 0, s => s with { Kind = (SessionKind)0 });

        IssueAssert.Single(problem, "offers[0].sessions[0].kind", IssueCodes.InvalidEnumValue);
    }
}
