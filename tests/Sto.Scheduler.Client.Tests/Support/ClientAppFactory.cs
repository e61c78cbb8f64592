using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sto.Scheduler.Client;
using Sto.Scheduler.Client.Cli;
using Sto.Scheduler.Grpc.Auth;
using Sto.Scheduler.Grpc.Jobs;

namespace Sto.Scheduler.Client.Tests.Support;

/// <summary>
/// The server in process on a temp SQLite file with fast polling, dev tokens on and the instant fake engine
/// (the pattern of Sto.Scheduler.Grpc.Tests' SchedulerAppFactory); also the CLI's client factory over it.
/// </summary>
public sealed class ClientAppFactory : WebApplicationFactory<Program>, ISchedulerClientFactory
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sto-client-tests", Guid.NewGuid().ToString("N"));

    public string Folder => Directory.CreateDirectory(_folder).FullName;

    public string Token(string role, string scope) => Services.GetRequiredService<DevTokenIssuer>().Issue(role, scope);

    public string PlannerToken => Token(Roles.Planner, TestData.SubregionName);

    /// <summary>A typed client with the given token over the in-process server.</summary>
    public SchedulerClient Client(string? token) =>
        Create(new SchedulerClientOptions { BearerToken = token, DefaultDeadline = TimeSpan.FromSeconds(20) });

    public SchedulerClient Create(SchedulerClientOptions options) =>
        new(global::Grpc.Net.Client.GrpcChannel.ForAddress(Server.BaseAddress, new global::Grpc.Net.Client.GrpcChannelOptions { HttpHandler = Server.CreateHandler() }).CreateCallInvoker(), options);

    public HttpClient CreateHttpClient() => new(Server.CreateHandler());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:ConnectionString", $"Data Source={Path.Combine(Folder, "test.db")}");
        builder.UseSetting("Auth:SigningKey", TestData.SigningKey);
        builder.UseSetting("Auth:DevTokensEnabled", "true");
        builder.UseSetting("Solver:PollInterval", "00:00:00.050");
        builder.UseSetting("Solver:ProgressInterval", "00:00:00.050");
        builder.UseSetting("Solver:WatchInterval", "00:00:00.050");
        builder.UseSetting("Solver:DefaultTimeLimit", "00:00:10");
        builder.UseSetting("Server:RequestsPerWindow", "0");
        builder.UseSetting("Demo:SeedOnStart", "false");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IAllocationEngine>();
            services.AddSingleton<IAllocationEngine>(new FirstChoiceEngine());
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
