using System.Net;
using Grpc.Core;
using Grpc.Health.V1;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Grpc.Tests.Services;
using Sto.Scheduler.Grpc.Tests.Support;
using static Sto.Scheduler.Grpc.Tests.Support.TestData;
using State = Sto.Scheduler.Api.V1.AllocationRun.Types.State;

namespace Sto.Scheduler.Grpc.Tests.Interop;

/// <summary>The server on real Kestrel (h2c endpoint on 127.0.0.1, SQLite temp file, fake engine), called over TCP.</summary>
public sealed class Http2LoopbackTests
{
    [Fact]
    public async Task A_grpc_net_client_over_real_http2_runs_the_whole_flow_with_rich_errors()
    {
        await using var app = new SchedulerAppFactory();
        var address = app.StartOnLoopback();

        Assert.Equal(IPAddress.Loopback.ToString(), address.Host);
        var health = await new Health.HealthClient(app.Channel).CheckAsync(new HealthCheckRequest());
        await SeedAsync(app);
        var runs = new AllocationService.AllocationServiceClient(app.Channel);
        var created = await runs.CreateAllocationRunAsync(
            new CreateAllocationRunRequest { Parent = SubregionName, AllocationRunId = "tcp", AllocationRun = new AllocationRun() }, app.Planner());
        var final = await AllocationServiceTests.WatchToEndAsync(app, runs, created.Name);
        var allocation = await runs.GetAllocationAsync(new GetAllocationRequest { Name = created.Name + "/allocation" }, app.Planner());
        var denied = await RpcAssert.FailsWith(StatusCode.PermissionDenied, new PupilService.PupilServiceClient(app.Channel)
            .GetPupilAsync(new GetPupilRequest { Name = PupilB }, app.Coordinator(SchoolA)));
        var invalid = await RpcAssert.FailsWith(StatusCode.InvalidArgument, new SchoolService.SchoolServiceClient(app.Channel)
            .GetSchoolAsync(new GetSchoolRequest { Name = SubregionName + "/schools/Noord" }, app.Planner()));
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, runs.ListAllocationRunsAsync(new ListAllocationRunsRequest { Parent = SubregionName }));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Equal(State.Succeeded, final.State);
        Assert.Equal(2, allocation.Placements.Count);
        Assert.Equal("SCOPE_DENIED", RpcAssert.Reason(denied));
        Assert.Equal(["name"], RpcAssert.Fields(invalid));
    }

    [Fact]
    public async Task The_grpc_endpoint_speaks_http2_without_tls_and_the_web_endpoint_http1()
    {
        await using var app = new SchedulerAppFactory();
        app.StartOnLoopback();
        using var http = new HttpClient();

        using var h2 = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, app.GrpcAddress)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        });
        using var h1 = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, app.WebAddress) { Version = HttpVersion.Version11 });

        Assert.Equal(HttpVersion.Version20, h2.Version);
        Assert.Equal(HttpVersion.Version11, h1.Version);
    }
}
