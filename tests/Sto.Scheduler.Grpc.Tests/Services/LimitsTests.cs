using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Grpc.Auth;
using Sto.Scheduler.Grpc.Tests.Support;

namespace Sto.Scheduler.Grpc.Tests.Services;

/// <summary>Request-rate and message-size limits answer as gRPC statuses a client can act on.</summary>
public sealed class LimitsTests
{
    [Fact]
    public async Task Calls_over_the_rate_limit_get_RESOURCE_EXHAUSTED_with_a_retry_delay_not_UNAVAILABLE()
    {
        using var app = new SchedulerAppFactory();
        using var limited = app.WithWebHostBuilder(b => b.UseSetting("Server:RequestsPerWindow", "3").UseSetting("Server:RateLimitWindow", "00:01:00"));
        using var channel = GrpcChannel.ForAddress(limited.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = limited.Server.CreateHandler() });
        var health = new Health.HealthClient(channel);

        for (var i = 0; i < 3; i++)
        {
            await health.CheckAsync(new HealthCheckRequest());
        }

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await health.CheckAsync(new HealthCheckRequest()));

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        var status = refused.GetRpcStatus();
        Assert.NotNull(status);
        Assert.NotNull(status.GetDetail<RetryInfo>());
    }

    [Fact]
    public async Task A_request_over_the_message_size_limit_gets_RESOURCE_EXHAUSTED()
    {
        using var app = new SchedulerAppFactory();
        using var small = app.WithWebHostBuilder(b => b.UseSetting("Server:MaxReceiveMessageBytes", "1024"));
        using var channel = GrpcChannel.ForAddress(small.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = small.Server.CreateHandler() });
        var token = small.Services.GetRequiredService<DevTokenIssuer>().Issue(Roles.Planner, TestData.SubregionName);
        var client = new SubregionService.SubregionServiceClient(channel);
        var request = new UpdateSubregionRequest { Subregion = new Subregion { Name = TestData.SubregionName, DisplayName = new string('x', 4096) } };

        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.UpdateSubregionAsync(request, SchedulerAppFactory.As(token)));

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
    }
}
