using Grpc.Core;
using Grpc.Core.Interceptors;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Client.Allocations;
using Sto.Scheduler.Client.Tests.Support;
using static Sto.Scheduler.Client.Tests.Support.TestData;
using State = Sto.Scheduler.Api.V1.AllocationRun.Types.State;

namespace Sto.Scheduler.Client.Tests;

public sealed class AllocationRunWaiterTests
{
    [Fact]
    public async Task The_waiter_follows_the_watch_stream_to_the_succeeded_run()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);
        using var client = app.Client(app.PlannerToken);
        var run = await client.Allocations.CreateAllocationRunAsync(new CreateAllocationRunRequest { Parent = SubregionName, AllocationRun = new AllocationRun() });
        var waiter = new AllocationRunWaiter(client.Allocations);
        var seen = new List<State>();

        var final = await waiter.WaitAsync(run.Name, new Collect(seen));

        Assert.Equal(State.Succeeded, final.State);
        Assert.Equal(2, final.Quality.PlacedCount);
        Assert.False(waiter.FellBackToPolling);
        Assert.Equal(State.Succeeded, seen[^1]);
    }

    [Fact]
    public async Task The_waiter_polls_the_run_when_the_watch_stream_drops()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);
        var invoker = global::Grpc.Net.Client.GrpcChannel.ForAddress(app.Server.BaseAddress,
            new global::Grpc.Net.Client.GrpcChannelOptions { HttpHandler = app.Server.CreateHandler() }).Intercept(new DropWatch());
        using var client = new SchedulerClient(invoker, new SchedulerClientOptions { BearerToken = app.PlannerToken });
        var run = await client.Allocations.CreateAllocationRunAsync(new CreateAllocationRunRequest { Parent = SubregionName, AllocationRun = new AllocationRun() });
        var waiter = new AllocationRunWaiter(client.Allocations) { PollInterval = TimeSpan.FromMilliseconds(50) };

        var final = await waiter.WaitAsync(run.Name);

        Assert.Equal(State.Succeeded, final.State);
        Assert.True(waiter.FellBackToPolling);
    }

    [Fact]
    public async Task The_waiter_reports_a_missing_run_as_NOT_FOUND()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);
        using var client = app.Client(app.PlannerToken);

        var error = await Assert.ThrowsAsync<SchedulerException>(() => client.WaitForAllocationRunAsync(SubregionName + "/allocationRuns/nope"));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    private sealed class Collect(List<State> states) : IProgress<AllocationRun>
    {
        public void Report(AllocationRun value) => states.Add(value.State);
    }

    /// <summary>Every server stream fails at once with UNAVAILABLE, as when a proxy or the server drops it.</summary>
    private sealed class DropWatch : Interceptor
    {
        public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
            TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
            throw new RpcException(new Status(StatusCode.Unavailable, "The stream was dropped."));
    }
}
