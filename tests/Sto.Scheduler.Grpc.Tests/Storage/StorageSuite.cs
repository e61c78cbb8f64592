using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Grpc.Hosting;
using Sto.Scheduler.Grpc.Persistence;
using Sto.Scheduler.Grpc.Persistence.Records;
using Sto.Scheduler.Grpc.Tests.Support;
using State = Sto.Scheduler.Api.V1.AllocationRun.Types.State;

namespace Sto.Scheduler.Grpc.Tests.Storage;

/// <summary>
/// One storage suite, run against every provider by a subclass (SQLite always; PostgreSQL when a server is
/// configured). Each test gets a fresh, migrated database.
/// </summary>
public abstract class StorageSuite : IAsyncLifetime
{
    protected const string Subregion = "regions/oost/subregions/c";
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    protected StorageOptions Storage { get; private set; } = new();

    protected ManualTime Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    protected abstract string Provider { get; }

    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync(string connectionString);

    public async Task InitializeAsync()
    {
        Storage = new StorageOptions { Provider = Provider, ConnectionString = await CreateDatabaseAsync() };
        await using var db = NewContext();
        await db.Database.MigrateAsync();
        if (!Storage.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }

    public Task DisposeAsync() => DropDatabaseAsync(Storage.ConnectionString);

    protected SchedulerDbContext NewContext(params IInterceptor[] interceptors) => Storage.IsPostgres
        ? new PostgresSchedulerDbContext(new DbContextOptionsBuilder<PostgresSchedulerDbContext>()
            .UseNpgsql(Storage.ConnectionString).AddInterceptors(interceptors).Options)
        : new SqliteSchedulerDbContext(new DbContextOptionsBuilder<SqliteSchedulerDbContext>()
            .UseSqlite(Storage.ConnectionString).AddInterceptors(interceptors).Options);

    [StorageFact]
    public async Task Names_of_several_kinds_come_per_kind_from_one_subregion_and_an_absent_kind_is_empty()
    {
        await using var db = NewContext();
        var store = new ResourceStore(db, Time);
        await store.CreateAsync(Subregion, "regions/oost", Subregion, new Api.V1.Subregion(), default);
        await store.CreateAsync(Subregion + "/schools/noord", Subregion, Subregion, new School(), default);
        await store.CreateAsync(Subregion + "/schools/noord/pupils/p-1", Subregion + "/schools/noord", Subregion, new Pupil { Year = 3 }, default);
        await store.CreateAsync("regions/oost/subregions/other/schools/zuid", "regions/oost/subregions/other", "regions/oost/subregions/other", new School(), default);

        var names = await store.ListNamesByKindInSubregionAsync(
            Subregion, [ResourceStore.KindOf<School>(), ResourceStore.KindOf<Pupil>(), ResourceStore.KindOf<Venue>()], default);

        Assert.Equal([Subregion + "/schools/noord"], names[ResourceStore.KindOf<School>()]);
        Assert.Equal([Subregion + "/schools/noord/pupils/p-1"], names[ResourceStore.KindOf<Pupil>()]);
        Assert.Empty(names[ResourceStore.KindOf<Venue>()]);
    }

    [StorageFact]
    public async Task Create_update_and_a_stale_etag_conflict()
    {
        await using var db = NewContext();
        var store = new ResourceStore(db, Time);
        var created = await store.CreateAsync(Subregion, "regions/oost", Subregion, new Api.V1.Subregion { DisplayName = "C" }, default);
        var updated = await store.UpdateAsync(Subregion, created.Etag, new Api.V1.Subregion { DisplayName = "C2" }, default);

        await Assert.ThrowsAsync<EtagMismatchException>(() => store.UpdateAsync(Subregion, created.Etag, new Api.V1.Subregion { DisplayName = "C3" }, default));
        await Assert.ThrowsAsync<ResourceAlreadyExistsException>(() => store.CreateAsync(Subregion, "regions/oost", Subregion, new Api.V1.Subregion(), default));

        // Two writers that read the same version: the database's concurrency check lets only the first through.
        await using var first = NewContext();
        await using var second = NewContext();
        var a = await first.Resources.SingleAsync(r => r.Name == Subregion);
        var b = await second.Resources.SingleAsync(r => r.Name == Subregion);
        a.Etag = "from-first";
        b.Etag = "from-second";
        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = NewContext();
        var stored = await new ResourceStore(check, Time).GetAsync<Api.V1.Subregion>(Subregion, default);
        Assert.NotEqual(created.Etag, updated.Etag);
        Assert.Equal("C2", stored!.Message.DisplayName);
        Assert.Equal("from-first", stored.Etag);
    }

    [StorageFact]
    public async Task A_bulk_import_that_fails_in_the_database_changes_nothing()
    {
        var parent = Subregion + "/schools/noord";
        string existingEtag;
        await using (var seed = NewContext())
        {
            var stored = await new ResourceStore(seed, Time).CreateAsync(parent + "/pupils/p-000", parent, Subregion, new Pupil { Year = 3 }, default);
            existingEtag = stored.Etag;
        }

        // Another writer inserts p-002 between the import's existence check and its commit: the import's
        // INSERT of p-002 fails, so its update of p-000 and insert of p-001 must roll back with it.
        var interloper = new InsertBeforeSave(this, parent + "/pupils/p-002");
        await using var db = NewContext(interloper);
        var rows = new List<(string, Pupil)>
        {
            (parent + "/pupils/p-000", new Pupil { Year = 4 }),
            (parent + "/pupils/p-001", new Pupil { Year = 3 }),
            (parent + "/pupils/p-002", new Pupil { Year = 3 }),
        };

        await Assert.ThrowsAsync<ResourceAlreadyExistsException>(() => new ResourceStore(db, Time).UpsertAllAsync(parent, Subregion, rows, default));

        await using var check = NewContext();
        var names = await check.Resources.Select(r => r.Name).OrderBy(n => n).ToListAsync();
        var p000 = await new ResourceStore(check, Time).GetAsync<Pupil>(parent + "/pupils/p-000", default);
        Assert.True(interloper.Inserted);
        Assert.Equal([parent + "/pupils/p-000", parent + "/pupils/p-002"], names);
        Assert.Equal(3, p000!.Message.Year);
        Assert.Equal(existingEtag, p000.Etag);
    }

    [StorageFact]
    public async Task Eight_concurrent_claimers_take_each_of_100_jobs_exactly_once()
    {
        await AddRunsAsync(100);

        var claimers = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            var mine = new List<string>();
            await using var db = NewContext();
            var store = new AllocationRunStore(db, Time);
            while (await store.TryClaimAsync($"worker-{i}", Lease, 3, default) is { } run)
            {
                mine.Add(run.Name);
                db.ChangeTracker.Clear();
            }

            return mine;
        })).ToList();
        var claimed = (await Task.WhenAll(claimers)).SelectMany(m => m).ToList();

        await using var check = NewContext();
        var rows = await check.AllocationRuns.AsNoTracking().ToListAsync();
        Assert.Equal(100, claimed.Count);
        Assert.Equal(100, claimed.Distinct().Count());
        Assert.All(rows, r =>
        {
            Assert.Equal((int)State.Running, r.State);
            Assert.Equal(1, r.Attempts);
            Assert.StartsWith("worker-", r.LeaseOwner);
        });
    }

    [StorageFact]
    public async Task A_run_whose_lease_expired_is_reclaimed_and_only_the_new_owner_may_finish_it()
    {
        var name = (await AddRunsAsync(1)).Single();
        await using var db = NewContext();
        var store = new AllocationRunStore(db, Time);

        var first = await store.TryClaimAsync("dead-replica", Lease, 3, default);
        db.ChangeTracker.Clear();
        var whileLeased = await store.TryClaimAsync("other", Lease, 3, default);
        Time.Advance(Lease + TimeSpan.FromSeconds(1));
        var second = await store.TryClaimAsync("survivor", Lease, 3, default);
        db.ChangeTracker.Clear();

        var staleBeat = await store.HeartbeatAsync(name, "dead-replica", Lease, null, default);
        var staleComplete = await store.CompleteAsync(name, "dead-replica", r => r.State = State.Succeeded, null, null, default);
        var staleRelease = await store.ReleaseAsync(name, "dead-replica", default);
        var completed = await store.CompleteAsync(name, "survivor", r => r.State = State.Succeeded, null, null, default);

        var final = await new AllocationRunStore(NewContext(), Time).GetAsync(name, default);
        Assert.Equal(1, first!.AttemptCount);
        Assert.Null(whileLeased);
        Assert.Equal(name, second!.Name);
        Assert.Equal(2, second.AttemptCount);
        Assert.False(staleBeat.Owned);
        Assert.False(staleComplete);
        Assert.False(staleRelease);
        Assert.True(completed);
        Assert.Equal(State.Succeeded, final!.State);
        Assert.Equal(2, final.AttemptCount);
    }

    [StorageFact]
    public async Task A_stale_owner_cannot_finish_a_run_that_another_replica_holds()
    {
        var name = (await AddRunsAsync(1)).Single();
        await using var staleDb = NewContext();
        await using var newDb = NewContext();
        var stale = new AllocationRunStore(staleDb, Time);
        var fresh = new AllocationRunStore(newDb, Time);
        await stale.TryClaimAsync("stale", Lease, 3, default);
        Time.Advance(Lease * 2);
        await fresh.TryClaimAsync("fresh", Lease, 3, default);

        var refused = await stale.CompleteAsync(name, "stale", r => r.State = State.Failed, null, null, default);

        await using var check = NewContext();
        var row = await check.AllocationRuns.AsNoTracking().SingleAsync(r => r.Name == name);
        Assert.False(refused);
        Assert.Equal((int)State.Running, row.State);
        Assert.Equal("fresh", row.LeaseOwner);
    }

    [StorageFact]
    public async Task A_run_released_at_shutdown_is_queued_again_without_counting_towards_the_dead_letter_limit()
    {
        var name = (await AddRunsAsync(1)).Single();
        await using var db = NewContext();
        var store = new AllocationRunStore(db, Time);

        await store.TryClaimAsync("stopping-replica", Lease, 1, default);
        db.ChangeTracker.Clear();
        var released = await store.ReleaseAsync(name, "stopping-replica", default);
        db.ChangeTracker.Clear();
        var queued = await db.AllocationRuns.AsNoTracking().SingleAsync(r => r.Name == name);
        var again = await store.TryClaimAsync("next-replica", Lease, 1, default);

        Assert.True(released);
        Assert.Equal((int)State.Queued, queued.State);
        Assert.Null(queued.LeaseOwner);
        Assert.Equal(0, queued.LeaseUntilMs);
        Assert.Equal(State.Running, again!.State);
        Assert.Equal(2, again.AttemptCount);
    }

    [StorageFact]
    public async Task A_run_that_keeps_losing_its_lease_is_failed_after_the_attempt_limit()
    {
        var name = (await AddRunsAsync(1)).Single();
        await using var db = NewContext();
        var store = new AllocationRunStore(db, Time);

        var claims = new List<AllocationRun?>();
        for (var i = 0; i < 3; i++)
        {
            claims.Add(await store.TryClaimAsync($"crashing-{i}", Lease, 2, default));
            db.ChangeTracker.Clear();
            Time.Advance(Lease * 2);
        }

        var final = await store.GetAsync(name, default);
        Assert.NotNull(claims[0]);
        Assert.NotNull(claims[1]);
        Assert.Null(claims[2]);
        Assert.Equal(State.Failed, final!.State);
        Assert.Equal((int)global::Grpc.Core.StatusCode.Aborted, final.Error.Code);
    }

    [StorageFact]
    public async Task A_run_in_progress_at_shutdown_is_queued_again_and_finished_after_a_restart_from_its_best_plan()
    {
        string name;
        await using (var first = NewApp())
        {
            first.FakeEngine.HoldUntilCancelled = true;
            await TestData.SeedAsync(first);
            var runs = new AllocationService.AllocationServiceClient(first.Channel);
            name = (await runs.CreateAllocationRunAsync(
                new CreateAllocationRunRequest { Parent = TestData.SubregionName, AllocationRun = new AllocationRun() }, first.Planner())).Name;
            await EventuallyAsync(async () => first.FakeEngine.Calls == 1
                && (await runs.GetAllocationRunAsync(new GetAllocationRunRequest { Name = name }, first.Planner())).State == State.Running);

            // While it runs, the heartbeat keeps the plan of the ended tier as the checkpoint a crash would leave.
            await EventuallyAsync(async () =>
            {
                await using var running = NewContext();
                return (await running.AllocationRuns.AsNoTracking().SingleAsync(r => r.Name == name)).EngineAllocation is not null;
            });
        }

        await using (var db = NewContext())
        {
            var row = await db.AllocationRuns.AsNoTracking().SingleAsync(r => r.Name == name);
            Assert.Equal((int)State.Queued, row.State);
            Assert.Null(row.LeaseOwner);
            Assert.NotNull(row.EngineAllocation);
            Assert.Null(row.ProblemSnapshot);
        }

        await using var second = NewApp();
        var final = await Services.AllocationServiceTests.WatchToEndAsync(second, new AllocationService.AllocationServiceClient(second.Channel), name);
        Assert.Equal(State.Succeeded, final.State);
        Assert.Equal(2, final.AttemptCount);
        Assert.Equal(1, second.FakeEngine.Calls);
        var startingPlan = second.FakeEngine.LastSettings?.StartingPlan;
        Assert.NotNull(startingPlan);
        Assert.NotEmpty(startingPlan.Placements);
    }

    [StorageFact]
    public async Task A_heartbeat_checkpoint_survives_a_crashed_replica_for_the_next_claim()
    {
        var name = (await AddRunsAsync(1)).Single();
        await using var db = NewContext();
        var store = new AllocationRunStore(db, Time);

        await store.TryClaimAsync("crashing", Lease, 3, default);
        db.ChangeTracker.Clear();
        var (owned, _) = await store.HeartbeatAsync(name, "crashing", Lease, null, "{\"placements\":[]}", default);
        db.ChangeTracker.Clear();
        Time.Advance(Lease * 2);
        var reclaimed = await store.TryClaimAsync("next", Lease, 3, default);
        db.ChangeTracker.Clear();

        Assert.True(owned);
        Assert.Equal(name, reclaimed!.Name);
        Assert.Equal("{\"placements\":[]}", await store.GetCheckpointAsync(name, default));
    }

    [StorageFact]
    public async Task A_released_checkpoint_is_kept_across_releases_and_is_never_read_as_a_result()
    {
        var name = (await AddRunsAsync(1)).Single();
        await using var db = NewContext();
        var store = new AllocationRunStore(db, Time);

        await store.TryClaimAsync("stopping-replica", Lease, 3, default);
        db.ChangeTracker.Clear();
        await store.ReleaseAsync(name, "stopping-replica", "{\"placements\":[]}", default);
        db.ChangeTracker.Clear();
        await store.TryClaimAsync("second", Lease, 3, default);
        db.ChangeTracker.Clear();
        await store.ReleaseAsync(name, "second", null, default);
        db.ChangeTracker.Clear();

        Assert.Equal("{\"placements\":[]}", await store.GetCheckpointAsync(name, default));
        Assert.Null(await store.GetSnapshotAsync(name, default));
        Assert.Null(await store.GetCheckpointAsync($"{Subregion}/allocationRuns/none", default));
    }

    protected SchedulerAppFactory NewApp() => new() { StorageProvider = Provider, StorageConnectionString = Storage.ConnectionString };

    internal static async Task EventuallyAsync(Func<Task<bool>> condition, double seconds = 20)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "The condition did not become true in time.");
            await Task.Delay(50);
        }
    }

    /// <summary>Adds queued runs directly (one transaction); returns their names, oldest first.</summary>
    protected async Task<IReadOnlyList<string>> AddRunsAsync(int count)
    {
        await using var db = NewContext();
        var now = Time.GetUtcNow().ToUnixTimeMilliseconds();
        var names = Enumerable.Range(0, count).Select(i => $"{Subregion}/allocationRuns/run-{i:D3}").ToList();
        db.AllocationRuns.AddRange(names.Select((name, i) => new AllocationRunRecord
        {
            Name = name, Parent = Subregion, State = (int)State.Queued, Etag = $"e{i}", CreateTimeMs = now + i, UpdateTimeMs = now + i,
            Payload = ProtoJson.Write(new AllocationRun { Name = name, State = State.Queued }),
        }));
        await db.SaveChangesAsync();
        return names;
    }

    /// <summary>Before the first save of its context, inserts a resource through another connection.</summary>
    private sealed class InsertBeforeSave(StorageSuite suite, string name) : SaveChangesInterceptor
    {
        public bool Inserted { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!Inserted)
            {
                Inserted = true;
                await using var other = suite.NewContext();
                await new ResourceStore(other, suite.Time).CreateAsync(name, name[..name.LastIndexOf("/pupils/", StringComparison.Ordinal)], Subregion, new Pupil { Year = 2 }, cancellationToken);
            }

            return result;
        }
    }
}

/// <summary>A clock the test moves by hand (lease expiry without waiting).</summary>
public sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

public sealed class SqliteStorageTests : StorageSuite
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sto-storage-tests", Guid.NewGuid().ToString("N"));

    protected override string Provider => "Sqlite";

    protected override Task<string> CreateDatabaseAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.FromResult($"Data Source={Path.Combine(_folder, "test.db")}");
    }

    [Fact]
    public async Task A_file_made_by_the_earlier_EnsureCreated_build_is_baselined_and_migrated_at_start()
    {
        var legacy = $"Data Source={Path.Combine(_folder, "legacy.db")}";
        await using (var db = new SqliteSchedulerDbContext(StorageSetup.SqliteOptions(legacy)))
        {
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(db.Database.GetMigrations().First());
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"__EFMigrationsHistory\"; INSERT INTO resources VALUES ('regions/oost/subregions/x', 'sto.scheduler.v1.Subregion', 'regions/oost', 'regions/oost/subregions/x', 'e', 0, 0, '{{}}');");
        }

        await using (var app = new SchedulerAppFactory { StorageConnectionString = legacy })
        {
            _ = app.Server;
        }

        await using var check = new SqliteSchedulerDbContext(StorageSetup.SqliteOptions(legacy));
        Assert.Equal(check.Database.GetMigrations(), await check.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await check.AllocationRuns.CountAsync(r => r.Releases > 0));
        Assert.Equal(1, await check.Resources.CountAsync());
    }

    protected override Task DropDatabaseAsync(string connectionString)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }
}

[PostgresStorage]
public sealed class PostgresStorageTests : StorageSuite
{
    protected override string Provider => "Postgres";

    protected override Task<string> CreateDatabaseAsync() => PostgresTestEnvironment.CreateDatabaseAsync();

    protected override Task DropDatabaseAsync(string connectionString) =>
        string.IsNullOrEmpty(connectionString) || !connectionString.Contains("sto_test_", StringComparison.Ordinal)
            ? Task.CompletedTask
            : PostgresTestEnvironment.DropDatabaseAsync(connectionString);
}
