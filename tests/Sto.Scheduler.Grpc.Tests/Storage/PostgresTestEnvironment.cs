using Npgsql;

namespace Sto.Scheduler.Grpc.Tests.Storage;

/// <summary>
/// The PostgreSQL server of the tests: env STO_TEST_POSTGRES holds an admin connection string (.ci/run sets it
/// after starting a throw-away server). Every test gets its own database, dropped afterwards.
/// Missing: the PostgreSQL tests skip locally, and fail when CI=true (CI must run them).
/// </summary>
public static class PostgresTestEnvironment
{
    public const string Variable = "STO_TEST_POSTGRES";

    public static string? AdminConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why PostgreSQL tests skip, or null when they run (server configured, or CI where they must run).</summary>
    public static string? SkipReason => AdminConnectionString is null && !IsCi
        ? $"PostgreSQL tests skipped: set {Variable} to an admin connection string (e.g. \"Host=127.0.0.1;Port=55432;Username=sto;Database=postgres\"), or run .ci/run, which starts a server on loopback."
        : null;

    private static string RequireAdmin() => AdminConnectionString
        ?? throw new InvalidOperationException(
            $"CI=true but {Variable} is not set: the PostgreSQL storage tests must run in CI. .ci/run installs and starts PostgreSQL and sets it.");

    /// <summary>Creates an empty database; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = new NpgsqlConnectionStringBuilder(RequireAdmin());
        var name = "sto_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its pooled connections.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(RequireAdmin());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
