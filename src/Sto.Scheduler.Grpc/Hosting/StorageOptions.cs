using System.ComponentModel.DataAnnotations;

namespace Sto.Scheduler.Grpc.Hosting;

/// <summary>Where data lives, section "Storage".</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>"Sqlite" (default, embedded file). PostgreSQL is planned as the production provider.</summary>
    [Required]
    [RegularExpression("^(?i)sqlite$", ErrorMessage = "Only the Sqlite provider is available in this build.")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The connection string; for SQLite the file is created (with its folder) at start.</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/sto-scheduler.db";
}
