using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Client.Paging;
using Sto.Scheduler.Client.Tests.Support;
using static Sto.Scheduler.Client.Tests.Support.TestData;

namespace Sto.Scheduler.Client.Tests;

public sealed class SchedulerClientTests
{
    [Fact]
    public async Task Every_call_carries_the_default_deadline_and_the_bearer_token()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);
        var recorder = new Recorder();
        var invoker = global::Grpc.Net.Client.GrpcChannel.ForAddress(app.Server.BaseAddress,
            new global::Grpc.Net.Client.GrpcChannelOptions { HttpHandler = app.Server.CreateHandler() }).Intercept(recorder);
        // PlannerToken mints a new token (issued-at in seconds) on every read: read it once.
        var token = app.PlannerToken;
        using var client = new SchedulerClient(invoker, new SchedulerClientOptions { BearerToken = token, DefaultDeadline = TimeSpan.FromSeconds(7) });

        var before = DateTime.UtcNow;
        await client.Offers.GetElectiveOfferAsync(new GetElectiveOfferRequest { Name = Offer });
        var after = DateTime.UtcNow;

        var options = Assert.Single(recorder.Calls);
        Assert.NotNull(options.Deadline);
        // The deadline is set when the call starts, 7 s ahead: bounded by the clock around the call, however slow the machine.
        Assert.InRange(options.Deadline.Value, before.AddSeconds(7), after.AddSeconds(7));
        Assert.Contains(options.Headers!, h => h.Key == "authorization" && h.Value == $"Bearer {token}");
    }

    [Fact]
    public async Task ListPupilsAsync_follows_page_tokens_until_the_last_page()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);
        using var client = app.Client(app.PlannerToken);
        await client.Pupils.BatchUpsertPupilsAsync(new BatchUpsertPupilsRequest
        {
            Parent = SchoolA,
            Pupils = { Enumerable.Range(2, 4).Select(i => NewPupil($"{SchoolA}/pupils/p-00{i}", Offer)) },
        });

        var pupils = await client.ListPupilsAsync(SchoolA, pageSize: 2).ToListAsync();

        Assert.Equal(["p-001", "p-002", "p-003", "p-004", "p-005"], pupils.Select(p => p.Name.Split('/')[^1]));
    }

    [Fact]
    public async Task PageEnumerator_fetches_pages_lazily_and_stops_on_an_empty_token()
    {
        var pages = new Dictionary<string, (int[] Items, string Next)> { [""] = ([1, 2], "a"), ["a"] = ([3], "b"), ["b"] = ([], "") };
        var fetched = new List<string>();

        var items = await PageEnumerator.EnumerateAsync(
            (token, _) => { fetched.Add(token); return Task.FromResult(pages[token]); }, p => p.Items, p => p.Next).ToListAsync();

        Assert.Equal([1, 2, 3], items);
        Assert.Equal(["", "a", "b"], fetched);
    }

    [Fact]
    public async Task PageEnumerator_refuses_to_loop_on_a_repeated_token()
    {
        var enumeration = PageEnumerator.EnumerateAsync((token, _) => Task.FromResult(new[] { 1 }), p => p, _ => "same");

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await enumeration.ToListAsync());
    }

    [Fact]
    public async Task AddSchedulerClient_gives_a_working_client_from_the_client_factory()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);
        var services = new ServiceCollection();
        services.AddSchedulerClient(o =>
        {
            o.Address = app.Server.BaseAddress;
            o.BearerToken = app.PlannerToken;
        });
        services.ConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = app.Server.CreateHandler()));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<SchedulerClient>();
        var offers = await client.ListElectiveOffersAsync(SchoolA).ToListAsync();
        var error = await Assert.ThrowsAsync<SchedulerException>(() =>
            client.Pupils.GetPupilAsync(new GetPupilRequest { Name = SchoolA + "/pupils/nobody" }).ResponseAsync);

        Assert.Equal(Offer, Assert.Single(offers).Name);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    private sealed class Recorder : Interceptor
    {
        public List<CallOptions> Calls { get; } = [];

        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
            TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        {
            Calls.Add(context.Options);
            return continuation(request, context);
        }
    }
}
