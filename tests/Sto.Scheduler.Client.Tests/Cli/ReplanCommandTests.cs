using Sto.Scheduler.Client.Cli;
using Sto.Scheduler.Client.Tests.Support;
using static Sto.Scheduler.Client.Tests.Support.TestData;

namespace Sto.Scheduler.Client.Tests.Cli;

/// <summary>
/// <c>sto runs replan|diff|diagnose</c> and <c>sto explain</c> against the in-process server (first-choice fake for
/// the first solve, the real re-plan engine for the re-plan).
/// </summary>
public sealed class ReplanCommandTests
{
    [Fact]
    public async Task Replan_after_a_docent_falls_ill_shows_the_diff_and_explain_says_why()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);
        await StoCli.RunAsync(app, app.PlannerToken, "runs", "create", "--id", "a", "--wait");
        await StoCli.RunAsync(app, app.PlannerToken, "runs", "publish", "a");

        var replan = await StoCli.RunAsync(app, app.PlannerToken, "runs", "replan", "a", "--staff-unavailable", "noord/de-vries@2026-W15", "--id", "b", "--time-limit", "5", "--wait");
        var diff = await StoCli.RunAsync(app, app.PlannerToken, "runs", "diff", "b");
        var explain = await StoCli.RunAsync(app, app.PlannerToken, "explain", "b", "noord/p-001");
        var diagnose = await StoCli.RunAsync(app, app.PlannerToken, "runs", "diagnose", "b");

        Assert.True(replan.ExitCode == ExitCodes.Ok, replan.Errors);
        Assert.Contains("queued re-plan of a", replan.Output, StringComparison.Ordinal);
        Assert.Contains("moved 2, unavoidable ≥ 2", replan.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, diff.ExitCode);
        Assert.Contains("schools/noord/pupils/p-001", diff.Output, StringComparison.Ordinal);
        Assert.Contains("schools/zuid/pupils/p-101", diff.Output, StringComparison.Ordinal);
        Assert.Contains("moved 2, unavoidable ≥ 2; lost their place 2, newly placed 0", diff.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, explain.ExitCode);
        Golden.Matches(explain.Output, "explain");
        Assert.Equal(ExitCodes.Ok, diagnose.ExitCode);
        Assert.Contains("Fairness: first choice", diagnose.Output, StringComparison.Ordinal);
        Assert.Contains("Diagnosis (CP-SAT, smallest sets of reasons)", diagnose.Output, StringComparison.Ordinal);
        Assert.Contains("no staff in 2026-W15", diagnose.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_replan_input_is_a_usage_error_and_a_plain_run_has_no_diff()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);
        await StoCli.RunAsync(app, app.PlannerToken, "runs", "create", "--id", "a", "--wait");

        var noChange = await StoCli.RunAsync(app, app.PlannerToken, "runs", "replan", "a");
        var badStaff = await StoCli.RunAsync(app, app.PlannerToken, "runs", "replan", "a", "--staff-unavailable", "de-vries");
        var badWeek = await StoCli.RunAsync(app, app.PlannerToken, "runs", "replan", "a", "--venue-closed", "lab-noord@2026-W99");
        var notPublished = await StoCli.RunAsync(app, app.PlannerToken, "runs", "replan", "a", "--offer-cancelled", "noord/booglas");
        var noDiff = await StoCli.RunAsync(app, app.PlannerToken, "runs", "diff", "a");
        var badPupil = await StoCli.RunAsync(app, app.PlannerToken, "explain", "a", "p-001");

        Assert.Equal(ExitCodes.Usage, noChange.ExitCode);
        Assert.Equal(ExitCodes.Usage, badStaff.ExitCode);
        Assert.Contains("expected ID@WEEK", badStaff.Errors, StringComparison.Ordinal);
        Assert.NotEqual(ExitCodes.Ok, badWeek.ExitCode);
        Assert.Equal(ExitCodes.FailedPrecondition, notPublished.ExitCode);
        Assert.Contains("RUN_NOT_PUBLISHED", notPublished.Errors, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.FailedPrecondition, noDiff.ExitCode);
        Assert.Equal(ExitCodes.Usage, badPupil.ExitCode);
    }
}
