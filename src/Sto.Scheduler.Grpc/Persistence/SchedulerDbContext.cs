using Microsoft.EntityFrameworkCore;
using Sto.Scheduler.Grpc.Persistence.Records;

namespace Sto.Scheduler.Grpc.Persistence;

/// <summary>
/// The one database model, kept provider-agnostic (times as Unix ms, no provider-specific types) so that
/// a PostgreSQL subclass with its own migrations can follow the SQLite default.
/// </summary>
public class SchedulerDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ResourceRecord> Resources => Set<ResourceRecord>();

    public DbSet<AllocationRunRecord> AllocationRuns => Set<AllocationRunRecord>();

    public DbSet<PupilScheduleRecord> PupilSchedules => Set<PupilScheduleRecord>();

    public DbSet<RequestLogRecord> RequestLog => Set<RequestLogRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ResourceRecord>(e =>
        {
            e.ToTable("resources");
            e.HasKey(r => r.Name);
            e.Property(r => r.Etag).IsConcurrencyToken();
            e.HasIndex(r => new { r.Kind, r.Parent, r.Name });
            e.HasIndex(r => new { r.Subregion, r.Kind });
        });
        modelBuilder.Entity<AllocationRunRecord>(e =>
        {
            e.ToTable("allocation_runs");
            e.HasKey(r => r.Name);
            e.Property(r => r.Etag).IsConcurrencyToken();
            e.HasIndex(r => new { r.State, r.CreateTimeMs });
            e.HasIndex(r => new { r.Parent, r.CreateTimeMs });
        });
        modelBuilder.Entity<PupilScheduleRecord>(e =>
        {
            e.ToTable("pupil_schedules");
            e.HasKey(r => new { r.Run, r.Pupil });
        });
        modelBuilder.Entity<RequestLogRecord>(e =>
        {
            e.ToTable("request_log");
            e.HasKey(r => r.Key);
        });
    }
}
