using Grpc.Core;
using Microsoft.Extensions.Options;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Grpc.Auth;
using Sto.Scheduler.Grpc.Tests.Services;
using Sto.Scheduler.Grpc.Tests.Support;
using static Sto.Scheduler.Grpc.Tests.Support.TestData;

namespace Sto.Scheduler.Grpc.Tests.Authorization;

/// <summary>Who calls, in the authorization matrix. "Own"/"other" are relative to the target resources in school A.</summary>
public enum Who
{
    None,
    InvalidToken,
    PupilOwn,
    PupilOther,
    AppWide,
    CoordinatorOwn,
    CoordinatorOther,
    PlannerOwn,
    PlannerOther,
}

/// <summary>
/// One seeded server for the whole matrix: the test subregion plus an equipment kit and a succeeded, published
/// run (so every read RPC has something to find). Matrix calls never change state: creates and updates use
/// validate_only, deletes send a wrong etag, cancel and publish hit a finished run.
/// </summary>
public sealed class MatrixFixture : IAsyncLifetime
{
    public const string OtherSubregion = "regions/oost/subregions/d";
    public const string Kit = SubregionName + "/equipmentKits/lasset";
    public const string Run = SubregionName + "/allocationRuns/eerste";

    public SchedulerAppFactory App { get; } = new();

    public AllocationRun? PublishedRun { get; private set; }

    public CallOptions As(Who who) => who switch
    {
        Who.None => new CallOptions(),
        // A well-formed token for the right planner, signed with another key.
        Who.InvalidToken => SchedulerAppFactory.As(ForeignIssuer().Issue(Roles.Planner, SubregionName)),
        Who.PupilOwn => App.App(PupilA),
        Who.PupilOther => App.App(PupilB),
        Who.AppWide => App.App(SubregionName),
        Who.CoordinatorOwn => App.Coordinator(SchoolA),
        Who.CoordinatorOther => App.Coordinator(SchoolB),
        Who.PlannerOwn => App.Planner(SubregionName),
        Who.PlannerOther => App.Planner(OtherSubregion),
        _ => throw new ArgumentOutOfRangeException(nameof(who)),
    };

    public async Task InitializeAsync()
    {
        await SeedAsync(App);
        await new SubregionService.SubregionServiceClient(App.Channel).CreateEquipmentKitAsync(
            new CreateEquipmentKitRequest { Parent = SubregionName, EquipmentKitId = "lasset", EquipmentKit = new EquipmentKit { DisplayName = "Lasset", KitCount = 2 } },
            App.Planner());
        var runs = new AllocationService.AllocationServiceClient(App.Channel);
        await runs.CreateAllocationRunAsync(
            new CreateAllocationRunRequest { Parent = SubregionName, AllocationRunId = "eerste", AllocationRun = new AllocationRun() }, App.Planner());
        await AllocationServiceTests.WatchToEndAsync(App, runs, Run);
        PublishedRun = await runs.PublishAllocationRunAsync(new PublishAllocationRunRequest { Name = Run }, App.Planner());
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    private static DevTokenIssuer ForeignIssuer() => new(
        Options.Create(new AuthOptions { SigningKey = "a-completely-different-signing-key-0123456789" }), TimeProvider.System);
}
