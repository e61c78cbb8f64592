using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using Npgsql;
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

        if (storage.MigrateOnStart && storage.IsPostgres)
        {
            await MigrateUnderAdvisoryLockAsync(db, storage.ConnectionString, cancellationToken);
        }
        else if (storage.MigrateOnStart)
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

    /// <summary>
    /// PostgreSQL: replicas starting together on an empty database raced inside EF Core's own lock ("column
    /// already exists"; found by the two-replica test), so migrations run under a session advisory lock taken
    /// on a dedicated, unpooled connection. Unpooled on purpose: a session lock on a pooled connection
    /// survives Close() (ECOSYSTEM §4); closing this one ends the session and frees the lock even if the
    /// explicit unlock is never reached.
    /// </summary>
    private static async Task MigrateUnderAdvisoryLockAsync(SchedulerDbContext db, string connectionString, CancellationToken cancellationToken)
    {
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(unpooled.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            take.Parameters.AddWithValue("key", MigrationLockKey);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            // On an empty database EF Core would first log a failed SELECT on the missing history table as an error.
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            release.Parameters.AddWithValue("key", MigrationLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>The advisory lock id of schema migrations ("STO_MIGR").</summary>
    private const long MigrationLockKey = 0x53544F5F4D494752;

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
