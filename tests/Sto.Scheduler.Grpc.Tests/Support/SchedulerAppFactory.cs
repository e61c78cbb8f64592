using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sto.Scheduler.Grpc.Auth;
using Sto.Scheduler.Grpc.Jobs;

namespace Sto.Scheduler.Grpc.Tests.Support;

/// <summary>
/// The server in process on a temp SQLite file, with fast polling and (by default) the fake engine. In-memory
/// (TestServer) unless <see cref="StartOnLoopback"/> starts real Kestrel on 127.0.0.1.
/// </summary>
public sealed class SchedulerAppFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sto-grpc-tests", Guid.NewGuid().ToString("N"));
    private GrpcChannel? _channel;
    private int _grpcPort;
    private int _webPort;

    /// <summary>When false, the real Engine solves.</summary>
    public bool UseFakeEngine { get; init; } = true;

    public FakeAllocationEngine FakeEngine { get; } = new();

    /// <summary>Storage:Provider; null keeps the default (Sqlite).</summary>
    public string? StorageProvider { get; init; }

    /// <summary>Storage:ConnectionString; null means a fresh SQLite file in a temp folder.</summary>
    public string? StorageConnectionString { get; init; }

    /// <summary>Extra configuration ("Solver:CheckpointInterval" → "00:00:02"), applied after the test defaults.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    public GrpcChannel Channel => _channel ??= GrpcAddress is { } address
        ? GrpcChannel.ForAddress(address)
        : GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });

    /// <summary>The h2c (HTTP/2 without TLS) gRPC endpoint after <see cref="StartOnLoopback"/>, else null.</summary>
    public Uri? GrpcAddress => _grpcPort == 0 ? null : new Uri($"http://127.0.0.1:{_grpcPort}");

    /// <summary>The HTTP/1.1 endpoint after <see cref="StartOnLoopback"/>, else null.</summary>
    public Uri? WebAddress => _webPort == 0 ? null : new Uri($"http://127.0.0.1:{_webPort}");

    /// <summary>
    /// Starts real Kestrel with the endpoints of appsettings.json ("Grpc": Http2, "Web": Http1) moved to free
    /// ports on 127.0.0.1, so calls go over real TCP and HTTP/2; returns the gRPC address.
    /// </summary>
    public Uri StartOnLoopback()
    {
        _grpcPort = FreePort();
        _webPort = FreePort();
        UseKestrel();
        StartServer();
        return GrpcAddress!;
    }

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
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (_grpcPort != 0)
        {
            builder.UseSetting("Kestrel:Endpoints:Grpc:Url", $"http://127.0.0.1:{_grpcPort}");
            builder.UseSetting("Kestrel:Endpoints:Web:Url", $"http://127.0.0.1:{_webPort}");
        }

        builder.ConfigureServices(services =>
        {
            if (UseFakeEngine)
            {
                services.RemoveAll<IAllocationEngine>();
                services.AddSingleton<IAllocationEngine>(FakeEngine);
            }
        });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
