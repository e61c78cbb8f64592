using Microsoft.Extensions.DependencyInjection;
using Grpc.Core;
using Microsoft.AspNetCore.Hosting;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Grpc.Tests.Support;
using static Sto.Scheduler.Grpc.Tests.Support.TestData;
using State = Sto.Scheduler.Api.V1.AllocationRun.Types.State;

namespace Sto.Scheduler.Grpc.Tests.Services;

/// <summary>The stored resources map into a problem the real Engine accepts and solves.</summary>
public sealed class RealEngineTests
{
    [Fact]
    public async Task The_real_engine_places_both_pupils_of_the_small_subregion()
    {
        await using var app = new SchedulerAppFactory { UseFakeEngine = false };
        await SeedAsync(app);
        var runs = new AllocationService.AllocationServiceClient(app.Channel);
        var run = new AllocationRun { Settings = new RunSettings { TimeLimit = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromSeconds(10)) } };

        var created = await runs.CreateAllocationRunAsync(new CreateAllocationRunRequest { Parent = SubregionName, AllocationRun = run }, app.Planner());
        var final = await AllocationServiceTests.WatchToEndAsync(app, runs, created.Name);

        Assert.True(final.State == State.Succeeded, final.Error?.ToString());
        Assert.Equal(2, final.Quality.PlacedCount);
        // api.md F6: the stored progress is final, with every tier's final result, and fits a progress bar.
        Assert.True(final.Progress.Final);
        Assert.Equal(final.Progress.TierCount, final.Progress.FinishedTiers.Count);
        Assert.All(final.Progress.FinishedTiers, t => Assert.InRange(t.Gap, 0, 1));
        Assert.Equal(final.Progress.FinishedTiers[^1].Gap, final.Progress.Gap);
        var allocation = await runs.GetAllocationAsync(new GetAllocationRequest { Name = created.Name + "/allocation" }, app.Planner());
        var group = Assert.Single(allocation.Groups);
        Assert.All(group.Staffing, s => Assert.Equal([SchoolA + "/staffMembers/de-vries"], s.StaffMembers));
    }

    [Fact]
    public async Task The_demo_subregion_is_seeded_at_start_and_passes_the_engine_validator()
    {
        await using var app = new SchedulerAppFactory().WithWebHostBuilder(b => b.UseSetting("Demo:SeedOnStart", "true"));
        var demo = "regions/oost/subregions/twente-demo";
        var planner = SchedulerAppFactory.As(app.Services.GetRequiredService<Auth.DevTokenIssuer>().Issue(Auth.Roles.Planner, demo));
        var channel = global::Grpc.Net.Client.GrpcChannel.ForAddress(app.Server.BaseAddress, new() { HttpHandler = app.Server.CreateHandler() });

        var schools = await new SchoolService.SchoolServiceClient(channel).ListSchoolsAsync(new ListSchoolsRequest { Parent = demo }, planner);
        var check = await new AllocationService.AllocationServiceClient(channel).CreateAllocationRunAsync(
            new CreateAllocationRunRequest { Parent = demo, AllocationRun = new AllocationRun(), ValidateOnly = true }, planner);

        Assert.Equal(6, schools.Schools.Count);
        // validate_only answers with the run as it would be created (api.md F9), and stores nothing.
        Assert.Equal(State.Queued, check.State);
        Assert.StartsWith(demo + "/allocationRuns/", check.Name, StringComparison.Ordinal);
        Assert.NotNull(check.CreateTime);
        var stored = await new AllocationService.AllocationServiceClient(channel).ListAllocationRunsAsync(new ListAllocationRunsRequest { Parent = demo }, planner);
        Assert.Empty(stored.AllocationRuns);
    }
}
