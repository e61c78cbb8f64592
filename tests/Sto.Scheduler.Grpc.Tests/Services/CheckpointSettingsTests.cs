using Microsoft.Extensions.Options;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Grpc.Tests.Support;
using static Sto.Scheduler.Grpc.Tests.Support.TestData;

namespace Sto.Scheduler.Grpc.Tests.Services;

/// <summary>
/// Solver:CheckpointInterval reaches the engine as the mid-tier plan checkpoint interval, and is range-checked;
/// Solver:MipCompanion reaches the engine's settings.
/// </summary>
public sealed class CheckpointSettingsTests
{
    [Fact]
    public async Task A_run_asks_the_engine_for_tier_end_and_mid_tier_plans_at_the_configured_interval()
    {
        await using var app = new SchedulerAppFactory { Settings = { ["Solver:CheckpointInterval"] = "00:00:02" } };
        await SeedAsync(app);
        var runs = new AllocationService.AllocationServiceClient(app.Channel);

        var created = await runs.CreateAllocationRunAsync(
            new CreateAllocationRunRequest { Parent = SubregionName, AllocationRun = new AllocationRun() }, app.Planner());
        await AllocationServiceTests.WatchToEndAsync(app, runs, created.Name);

        var settings = app.FakeEngine.LastSettings;
        Assert.NotNull(settings);
        Assert.True(settings.ReportTierPlans);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.PlanCheckpointInterval);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("false", false)]
    [InlineData("true", true)]
    public async Task Solver_MipCompanion_reaches_the_engine_and_is_on_by_default(string? configured, bool expected)
    {
        await using var app = new SchedulerAppFactory();
        if (configured is not null)
        {
            app.Settings["Solver:MipCompanion"] = configured;
        }

        await SeedAsync(app);
        var runs = new AllocationService.AllocationServiceClient(app.Channel);

        var created = await runs.CreateAllocationRunAsync(
            new CreateAllocationRunRequest { Parent = SubregionName, AllocationRun = new AllocationRun() }, app.Planner());
        await AllocationServiceTests.WatchToEndAsync(app, runs, created.Name);

        Assert.Equal(expected, app.FakeEngine.LastSettings!.MipCompanion);
    }

    [Fact]
    public void A_MipCompanion_setting_that_is_not_a_boolean_stops_the_server_at_start()
    {
        using var app = new SchedulerAppFactory { Settings = { ["Solver:MipCompanion"] = "sometimes" } };

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("MipCompanion", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("02:00:00")]
    public void A_checkpoint_interval_out_of_range_stops_the_server_at_start_naming_the_setting(string interval)
    {
        using var app = new SchedulerAppFactory { Settings = { ["Solver:CheckpointInterval"] = interval } };

        var error = Assert.Throws<OptionsValidationException>(() => app.Services);

        Assert.Contains("CheckpointInterval", error.Message, StringComparison.Ordinal);
    }
}
