using Sto.Scheduler.Client.Cli;
using Sto.Scheduler.Client.Tests.Support;
using static Sto.Scheduler.Client.Tests.Support.TestData;

namespace Sto.Scheduler.Client.Tests.Cli;

public sealed class RunsCommandTests
{
    [Fact]
    public async Task Runs_create_with_wait_prints_a_line_per_update_and_the_metrics()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);

        var result = await StoCli.RunAsync(app, app.PlannerToken, "runs", "create", "--id", "eerste", "--weeks", "2026-W14..2026-W16", "--time-limit", "5", "--wait");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("regions/oost/subregions/c/allocationRuns/eerste: queued; following it", result.Output, StringComparison.Ordinal);
        Assert.Contains("regions/oost/subregions/c/allocationRuns/eerste: succeeded (optimal)", result.Output, StringComparison.Ordinal);
        Assert.Contains("Allocation quality", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_metrics_prints_the_quality_table()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);
        await StoCli.RunAsync(app, app.PlannerToken, "runs", "create", "--id", "golden", "--wait");

        var result = await StoCli.RunAsync(app, app.PlannerToken, "runs", "metrics", "golden");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Golden.Matches(result.Output, "runs-metrics");
    }

    [Fact]
    public async Task Runs_list_get_publish_compare_and_cancel_work_on_finished_runs()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);
        await StoCli.RunAsync(app, app.PlannerToken, "runs", "create", "--id", "a", "--wait");
        await StoCli.RunAsync(app, app.PlannerToken, "runs", "create", "--id", "b", "--wait");

        var list = await StoCli.RunAsync(app, app.PlannerToken, "runs", "list");
        var get = await StoCli.RunAsync(app, app.PlannerToken, "runs", "get", "a", "--output", "json");
        var publish = await StoCli.RunAsync(app, app.PlannerToken, "runs", "publish", "a");
        var compare = await StoCli.RunAsync(app, app.PlannerToken, "runs", "compare", "a", "b");
        var cancel = await StoCli.RunAsync(app, app.PlannerToken, "runs", "cancel", "b");

        Assert.Equal(ExitCodes.Ok, list.ExitCode);
        Assert.Contains("2 runs in regions/oost/subregions/c.", list.Output, StringComparison.Ordinal);
        Assert.Contains("\"state\": \"STATE_SUCCEEDED\"", get.Output, StringComparison.Ordinal);
        Assert.Contains("allocationRuns/a: succeeded (optimal), published", publish.Output, StringComparison.Ordinal);
        Assert.Contains("0 pupils placed differently, 2 unchanged.", compare.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.FailedPrecondition, cancel.ExitCode);
        Assert.Contains("RUN_FINISHED", cancel.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_get_of_an_unknown_run_exits_with_not_found()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);

        var result = await StoCli.RunAsync(app, app.PlannerToken, "runs", "get", "nope");

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("error: Resource 'regions/oost/subregions/c/allocationRuns/nope' was not found. (NOT_FOUND, RESOURCE_NOT_FOUND)", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_create_rejects_weeks_outside_the_subregion_with_the_field()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);

        var result = await StoCli.RunAsync(app, app.PlannerToken, "runs", "create", "--weeks", "2026-W30");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("allocation_run.weeks[0]", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_weeks_option_is_a_usage_error()
    {
        await using var app = new ClientAppFactory();

        var result = await StoCli.RunAsync(app, app.PlannerToken, "runs", "create", "--weeks", "week 14");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--weeks 'week 14': expected an ISO week", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_may_not_start_runs()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);

        var result = await StoCli.RunAsync(app, CoordinatorToken(app, SchoolA), "runs", "create");

        Assert.Equal(ExitCodes.PermissionDenied, result.ExitCode);
        Assert.Contains("hint: your token's role and scope", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_the_cli_says_how_to_get_one()
    {
        await using var app = new ClientAppFactory();

        var result = await StoCli.RunAsync(app, null, "runs", "list");

        Assert.Equal(ExitCodes.PermissionDenied, result.ExitCode);
        Assert.Contains("sto token --role planner", result.Errors, StringComparison.Ordinal);
    }
}
