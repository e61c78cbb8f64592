using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sto.Scheduler.Grpc.Persistence;

/// <summary>The model on SQLite; owns the migrations under Persistence/Migrations/Sqlite.</summary>
public sealed class SqliteSchedulerDbContext(DbContextOptions<SqliteSchedulerDbContext> options) : SchedulerDbContext(options);

/// <summary>The model on PostgreSQL; owns the migrations under Persistence/Migrations/Postgres.</summary>
public sealed class PostgresSchedulerDbContext(DbContextOptions<PostgresSchedulerDbContext> options) : SchedulerDbContext(options);

/// <summary>For <c>dotnet ef migrations add X --context SqliteSchedulerDbContext</c> (no database is opened).</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSchedulerDbContext>
{
    public SqliteSchedulerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSchedulerDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>For <c>dotnet ef migrations add X --context PostgresSchedulerDbContext</c> (no database is opened).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSchedulerDbContext>
{
    public PostgresSchedulerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSchedulerDbContext>().UseNpgsql("Host=localhost;Database=sto_design_time").Options);
}
