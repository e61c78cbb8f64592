using Sto.Scheduler.Client.Cli;
using Sto.Scheduler.Client.Tests.Support;
using Sto.Scheduler.Grpc.Auth;
using static Sto.Scheduler.Client.Tests.Support.TestData;

namespace Sto.Scheduler.Client.Tests.Cli;

public sealed class ScheduleAndTokenCommandTests
{
    [Fact]
    public async Task Schedule_shows_the_published_afternoons_and_writes_an_ics_file()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);
        await StoCli.RunAsync(app, app.PlannerToken, "runs", "create", "--id", "a", "--wait");
        await StoCli.RunAsync(app, app.PlannerToken, "runs", "publish", "a");
        var ics = Path.Combine(app.Folder, "p-001.ics");

        var result = await StoCli.RunAsync(app, app.PlannerToken, "schedule", "noord/p-001", "--weeks", "2026-W14..2026-W15", "--ics", ics);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Errors);
        Assert.True(result.Output.Contains("Booglasprocessen", StringComparison.Ordinal), result.Output);
        Assert.Contains("Booglasprocessen", result.Output, StringComparison.Ordinal);
        Assert.Contains("2026-W15", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-W16", result.Output, StringComparison.Ordinal);
        Assert.StartsWith("BEGIN:VCALENDAR", File.ReadAllText(ics), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_of_an_unknown_pupil_exits_with_not_found()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);

        var result = await StoCli.RunAsync(app, app.PlannerToken, "schedule", "noord/p-999");

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("p-999", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_before_anything_is_published_is_a_failed_precondition()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);

        var result = await StoCli.RunAsync(app, app.PlannerToken, "schedule", "noord/p-001");

        Assert.Equal(ExitCodes.FailedPrecondition, result.ExitCode);
        Assert.Contains("NOTHING_PUBLISHED", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_of_one_pupil_may_not_read_another_pupils_schedule()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);

        var result = await StoCli.RunAsync(app, app.Token(Roles.App, PupilA), "schedule", "zuid/p-101");

        Assert.Equal(ExitCodes.PermissionDenied, result.ExitCode);
    }

    [Fact]
    public async Task Token_from_the_dev_endpoint_and_a_locally_minted_token_both_work()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);

        var fromServer = await StoCli.RunAsync(app, null, "token", "--role", "planner", "--scope", SubregionName);
        var minted = await StoCli.RunAsync(app, null, "token", "--role", "planner", "--scope", SubregionName, "--signing-key", SigningKey);
        var withServerToken = await StoCli.RunAsync(app, null, "runs", "list", "--token", fromServer.Output.Trim());
        var withMintedToken = await StoCli.RunAsync(app, minted.Output.Trim(), "runs", "list");

        Assert.Equal(ExitCodes.Ok, fromServer.ExitCode);
        Assert.Equal(ExitCodes.Ok, withServerToken.ExitCode);
        Assert.Equal(ExitCodes.Ok, withMintedToken.ExitCode);
    }

    [Fact]
    public async Task Token_with_an_unknown_role_is_a_usage_error()
    {
        await using var app = new ClientAppFactory();

        var result = await StoCli.RunAsync(app, null, "token", "--role", "pupil", "--scope", SubregionName);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }

    [Fact]
    public async Task Demo_runs_the_whole_journey_with_a_dev_token()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);

        var result = await StoCli.RunAsync(app, null, "demo", "--subregion", SubregionName, "--time-limit", "5");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Errors);
        Assert.Contains("[1/6] token", result.Output, StringComparison.Ordinal);
        Assert.Contains("succeeded (optimal), published", result.Output, StringComparison.Ordinal);
        Assert.Contains("[6/6] one pupil's schedule", result.Output, StringComparison.Ordinal);
        Assert.Contains("Try: sto schedule noord/p-001 --ics pupil.ics", result.Output, StringComparison.Ordinal);
    }
}
