using System.Threading.RateLimiting;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Sto.Scheduler.Grpc.Auth;
using Sto.Scheduler.Grpc.Errors;
using Sto.Scheduler.Grpc.Jobs;
using Sto.Scheduler.Grpc.Persistence;
using Sto.Scheduler.Grpc.Services;

namespace Sto.Scheduler.Grpc.Hosting;

/// <summary>The composition root of the server (eShop's AddApplicationServices).</summary>
public static class SchedulerServerExtensions
{
    public static WebApplicationBuilder AddSchedulerServer(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SolverOptions>().BindConfiguration(SolverOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ServerOptions>().BindConfiguration(ServerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddSingleton(TimeProvider.System);

        services.AddSchedulerStorage();
        services.AddScoped<ResourceStore>();
        services.AddScoped<AllocationRunStore>();
        services.AddScoped<StandardMethods>();
        services.AddScoped<ProblemAssembler>();
        services.AddScoped<ReplanInputs>();
        services.AddSingleton<DevTokenIssuer>();
        services.AddSingleton<IAllocationEngine, EngineAllocationEngine>();

        services.AddHostedService<DatabaseInitializer>();
        services.AddHostedService<DemoSeeder>();
        services.AddHostedService<AllocationRunWorker>();

        var server = builder.Configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();
        services.AddGrpc(o =>
        {
            o.EnableDetailedErrors = false;
            o.MaxReceiveMessageSize = server.MaxReceiveMessageBytes;
            o.MaxSendMessageSize = server.MaxSendMessageBytes;
            o.Interceptors.Add<UnhandledExceptionInterceptor>();
        });
        services.AddSchedulerReflection();
        services.AddGrpcHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Value.Issuer,
                    ValidAudience = auth.Value.Audience,
                    IssuerSigningKey = DevTokenIssuer.SigningKey(auth.Value),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    RoleClaimType = Roles.RoleClaim,
                    NameClaimType = "sub",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        services.AddAuthorization();
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                server.RequestsPerWindow == 0
                    ? RateLimitPartition.GetNoLimiter("off")
                    : RateLimitPartition.GetFixedWindowLimiter(
                        http.User.FindFirst("sub")?.Value ?? http.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = server.RequestsPerWindow, Window = server.RateLimitWindow }));
            o.OnRejected = (rejected, _) => WriteRateLimited(rejected.HttpContext, server.RateLimitWindow);
        });
        return builder;
    }

    public static WebApplication MapSchedulerServer(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapGrpcService<SubregionGrpcService>();
        app.MapGrpcService<SchoolGrpcService>();
        app.MapGrpcService<VenueGrpcService>();
        app.MapGrpcService<ElectiveOfferGrpcService>();
        app.MapGrpcService<PupilGrpcService>();
        app.MapGrpcService<StaffGrpcService>();
        app.MapGrpcService<AllocationGrpcService>();
        app.MapGrpcService<PupilScheduleGrpcService>();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        if (app.Services.GetRequiredService<IOptions<ServerOptions>>().Value.EnableReflection)
        {
            app.MapGrpcReflectionService().AllowAnonymous();
        }

        if (app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.DevTokensEnabled)
        {
            app.MapGet("/dev/token", (string role, string scope, DevTokenIssuer issuer) => issuer.Issue(role, scope)).AllowAnonymous();
        }

        return app;
    }

    /// <summary>A trailers-only gRPC response: RESOURCE_EXHAUSTED + RetryInfo instead of HTTP 429 (seen as UNAVAILABLE).</summary>
    private static ValueTask WriteRateLimited(HttpContext http, TimeSpan retryAfter)
    {
        var status = RpcErrors.RateLimitedStatus(retryAfter);
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/grpc";
        http.Response.Headers["grpc-status"] = status.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers["grpc-message"] = Uri.EscapeDataString(status.Message);
        http.Response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(Google.Protobuf.MessageExtensions.ToByteArray(status));
        return ValueTask.CompletedTask;
    }
}

/// <summary>Readiness: the database answers.</summary>
public sealed class DatabaseHealthCheck(SchedulerDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database is not reachable.");
}
