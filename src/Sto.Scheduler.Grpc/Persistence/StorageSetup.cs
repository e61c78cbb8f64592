using Microsoft.EntityFrameworkCore;
using Sto.Scheduler.Grpc.Hosting;

namespace Sto.Scheduler.Grpc.Persistence;

/// <summary>Provider selection in one place (server and tests): options for the provider's own context type.</summary>
public static class StorageSetup
{
    public static DbContextOptions<SqliteSchedulerDbContext> SqliteOptions(string connectionString) =>
        new DbContextOptionsBuilder<SqliteSchedulerDbContext>().UseSqlite(connectionString).Options;

    public static DbContextOptions<PostgresSchedulerDbContext> PostgresOptions(string connectionString) =>
        new DbContextOptionsBuilder<PostgresSchedulerDbContext>().UseNpgsql(connectionString).Options;

    /// <summary>A new context of the configured provider (the caller disposes it).</summary>
    public static SchedulerDbContext CreateContext(StorageOptions options) => options.IsPostgres
        ? new PostgresSchedulerDbContext(PostgresOptions(options.ConnectionString))
        : new SqliteSchedulerDbContext(SqliteOptions(options.ConnectionString));

    /// <summary>Registers both provider contexts and resolves <see cref="SchedulerDbContext"/> to the configured one.</summary>
    public static IServiceCollection AddSchedulerStorage(this IServiceCollection services)
    {
        services.AddDbContext<SqliteSchedulerDbContext>((sp, db) =>
            db.UseSqlite(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.ConnectionString));
        services.AddDbContext<PostgresSchedulerDbContext>((sp, db) =>
            db.UseNpgsql(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.ConnectionString));
        services.AddScoped<SchedulerDbContext>(sp =>
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.IsPostgres
                ? sp.GetRequiredService<PostgresSchedulerDbContext>()
                : sp.GetRequiredService<SqliteSchedulerDbContext>());
        return services;
    }
}
