using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Engine.Tests.Validation;

/// <summary>Assertions on the issues <see cref="ProblemValidator"/> reports.</summary>
internal static class IssueAssert
{
    /// <summary>Asserts the problem has exactly one issue, at the path with the code, and returns it.</summary>
    public static ValidationIssue Single(SchedulingProblem problem, string path, string code)
    {
        var issues = ProblemValidator.Validate(problem);
        var issue = Assert.Single(issues);
        Assert.Equal((path, code), (issue.Path, issue.Code));
        Assert.False(string.IsNullOrWhiteSpace(issue.Message));
        return issue;
    }

    /// <summary>Asserts one of the issues is at the path with the code.</summary>
    public static void Contains(ImmutableArray<ValidationIssue> issues, string path, string code) =>
        Assert.True(
            issues.Any(i => i.Path == path && i.Code == code),
            $"Expected {path} [{code}] among:{Environment.NewLine}{string.Join(Environment.NewLine, issues)}");

    /// <summary>Asserts the problem is valid, showing the issues when it is not.</summary>
    public static void None(SchedulingProblem problem)
    {
        var issues = ProblemValidator.Validate(problem);
        Assert.True(issues.IsEmpty, string.Join(Environment.NewLine, issues));
    }
}
