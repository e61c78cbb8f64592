using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Tests.Support;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Engine.Tests.Validation;

public sealed class ProblemValidatorPeriodTests
{
    [Fact]
    public void Validate_reports_a_period_without_weeks()
    {
        var problem = new SchedulingProblem();

        IssueAssert.Single(problem, "weeks", IssueCodes.NoWeeks);
    }

    [Fact]
    public void Validate_reports_a_week_that_is_not_in_the_iso_calendar()
    {
        var problem = ValidProblem.Create() with { Weeks = [ValidProblem.Week(5), ValidProblem.Week(6), ValidProblem.Week(7), new Week(2027, 53)] };

        IssueAssert.Single(problem, "weeks[3]", IssueCodes.InvalidWeek);
    }

    [Fact]
    public void Validate_reports_a_week_listed_twice()
    {
        var problem = ValidProblem.Create() with { Weeks = [ValidProblem.Week(5), ValidProblem.Week(6), ValidProblem.Week(7), ValidProblem.Week(6)] };

        IssueAssert.Single(problem, "weeks[3]", IssueCodes.DuplicateWeek);
    }

    [Fact]
    public void Validate_reports_weeks_out_of_order()
    {
        var problem = ValidProblem.Create() with { Weeks = [ValidProblem.Week(5), ValidProblem.Week(7), ValidProblem.Week(6)] };

        IssueAssert.Single(problem, "weeks[2]", IssueCodes.WeeksNotAscending);
    }

    [Fact]
    public void Validate_accepts_weeks_across_a_year_boundary()
    {
        var problem = ValidProblem.Create() with { Weeks = [new Week(2026, 52), new Week(2026, 53), ValidProblem.Week(5), ValidProblem.Week(6), ValidProblem.Week(7)] };

        IssueAssert.None(problem);
    }

    [Fact]
    public void Validate_reports_an_afternoon_that_ends_before_it_starts()
    {
        var problem = ValidProblem.Create() with { Afternoon = new CommonAfternoon { Start = new TimeOnly(16, 0), End = new TimeOnly(12, 0) } };

        var issues = ProblemValidator.Validate(problem);

        IssueAssert.Contains(issues, "afternoon.end", IssueCodes.EndNotAfterStart);
    }

    [Fact]
    public void Validate_reports_an_undefined_weekday()
    {
        var problem = ValidProblem.Create() with { Afternoon = new CommonAfternoon { Weekday = (DayOfWeek)9 } };

        IssueAssert.Single(problem, "afternoon.weekday", IssueCodes.InvalidEnumValue);
    }
}
