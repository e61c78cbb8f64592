using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sto.Scheduler.Grpc.Auth;
using Sto.Scheduler.Grpc.Jobs;

namespace Sto.Scheduler.Grpc.Tests.Support;

/// <summary>The server in process on a temp SQLite file, with fast polling and (by default) the fake engine.</summary>
public sealed class SchedulerAppFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sto-grpc-tests", Guid.NewGuid().ToString("N"));
    private GrpcChannel? _channel;

    /// <summary>When false, the real Engine solves.</summary>
    public bool UseFakeEngine { get; init; } = true;

    public FakeAllocationEngine FakeEngine { get; } = new();

    /// <summary>Storage:Provider; null keeps the default (Sqlite).</summary>
    public string? StorageProvider { get; init; }

    /// <summary>Storage:ConnectionString; null means a fresh SQLite file in a temp folder.</summary>
    public string? StorageConnectionString { get; init; }

    public GrpcChannel Channel => _channel ??= GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });

    public string Token(string role, string scope) => Services.GetRequiredService<DevTokenIssuer>().Issue(role, scope);

    public static CallOptions As(string token) => new(new Metadata { { "Authorization", $"Bearer {token}" } });

    public CallOptions Planner(string subregion = TestData.SubregionName) => As(Token(Roles.Planner, subregion));

    public CallOptions Coordinator(string school = TestData.SchoolA) => As(Token(Roles.Coordinator, school));

    public CallOptions App(string scope) => As(Token(Roles.App, scope));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:ConnectionString", StorageConnectionString ?? $"Data Source={Path.Combine(_folder, "test.db")}");
        if (StorageProvider is not null)
        {
            builder.UseSetting("Storage:Provider", StorageProvider);
        }

        builder.UseSetting("Auth:SigningKey", "test-signing-key-0123456789-0123456789-abcdef");
        builder.UseSetting("Solver:PollInterval", "00:00:00.050");
        builder.UseSetting("Solver:ProgressInterval", "00:00:00.050");
        builder.UseSetting("Solver:WatchInterval", "00:00:00.050");
        builder.UseSetting("Solver:DefaultTimeLimit", "00:00:10");
        builder.UseSetting("Server:RequestsPerWindow", "0");
        builder.UseSetting("Demo:SeedOnStart", "false");
        builder.ConfigureServices(services =>
        {
            if (UseFakeEngine)
            {
                services.RemoveAll<IAllocationEngine>();
                services.AddSingleton<IAllocationEngine>(FakeEngine);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        _channel?.Dispose();
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
