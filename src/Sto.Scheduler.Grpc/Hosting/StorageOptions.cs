using System.ComponentModel.DataAnnotations;

namespace Sto.Scheduler.Grpc.Hosting;

/// <summary>Where data lives, section "Storage" (environment: <c>Storage__Provider</c>, <c>Storage__ConnectionString</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>
    /// "Sqlite" (default: an embedded file, created and migrated at start) or "Postgres" (production; several
    /// replicas may share one database).
    /// </summary>
    [Required]
    [RegularExpression("^(?i)(sqlite|postgres|postgresql)$", ErrorMessage = "Storage:Provider must be Sqlite or Postgres.")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>
    /// The connection string. SQLite: <c>Data Source=data/sto-scheduler.db</c> (the folder is created at start).
    /// PostgreSQL: <c>Host=…;Port=5432;Database=sto;Username=…;Password=…</c> (the database must exist).
    /// </summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/sto-scheduler.db";

    /// <summary>Apply pending migrations at start (under EF Core's migration lock). Off when a separate step migrates.</summary>
    public bool MigrateOnStart { get; set; } = true;

    public bool IsPostgres => Provider.StartsWith("postgres", StringComparison.OrdinalIgnoreCase);
}
