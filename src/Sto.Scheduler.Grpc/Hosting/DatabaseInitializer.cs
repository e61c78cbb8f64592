using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using Sto.Scheduler.Grpc.Diagnostics;
using Sto.Scheduler.Grpc.Persistence;

namespace Sto.Scheduler.Grpc.Hosting;

/// <summary>
/// Brings the database to the current schema before anything else starts, with the EF Core migrations of the
/// configured provider (Persistence/Migrations/Sqlite or /Postgres). EF Core takes its migration lock, so
/// several replicas starting at once against one PostgreSQL database apply each migration exactly once.
/// SQLite: the file's folder is created first, WAL is switched on, and a database made by the earlier
/// EnsureCreated build (tables but no history) is baselined at the Initial migration.
/// </summary>
public sealed class DatabaseInitializer(
    IServiceScopeFactory scopes, IOptions<StorageOptions> options, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var storage = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulerDbContext>();
        if (!storage.IsPostgres)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(storage.ConnectionString).DataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            await BaselineLegacySqliteAsync(db, cancellationToken);
        }

        if (storage.MigrateOnStart)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (!storage.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        Log.DatabaseReady(logger, storage.Provider);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Marks the Initial migration as applied on a SQLite file created by EnsureCreated (same schema).</summary>
    private static async Task BaselineLegacySqliteAsync(SchedulerDbContext db, CancellationToken cancellationToken)
    {
        var history = db.GetService<IHistoryRepository>();
        if (await history.ExistsAsync(cancellationToken))
        {
            return;
        }

        var tables = await db.Database
            .SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = 'resources'")
            .ToListAsync(cancellationToken);
        if (tables.Count == 0)
        {
            return;
        }

        var initial = db.Database.GetMigrations().First();
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            history.GetInsertScript(new HistoryRow(initial, ProductInfo.GetVersion())), cancellationToken);
    }
}
