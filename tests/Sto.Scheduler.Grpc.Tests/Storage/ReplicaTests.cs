using Microsoft.EntityFrameworkCore;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Grpc.Persistence;
using Sto.Scheduler.Grpc.Tests.Support;
using State = Sto.Scheduler.Api.V1.AllocationRun.Types.State;

namespace Sto.Scheduler.Grpc.Tests.Storage;

/// <summary>Two server instances (two in-process hosts) sharing one PostgreSQL database, like two replicas.</summary>
public sealed class ReplicaTests
{
    [PostgresFact]
    public async Task Two_replicas_on_one_database_run_each_run_exactly_once()
    {
        var database = await PostgresTestEnvironment.CreateDatabaseAsync();
        try
        {
            await using var a = new SchedulerAppFactory { StorageProvider = "Postgres", StorageConnectionString = database };
            await using var b = new SchedulerAppFactory { StorageProvider = "Postgres", StorageConnectionString = database };
            a.FakeEngine.SolveTime = b.FakeEngine.SolveTime = TimeSpan.FromMilliseconds(150);

            // Both start (and migrate the empty database) at the same time.
            await Task.WhenAll(Task.Run(() => a.Server), Task.Run(() => b.Server));
            await TestData.SeedAsync(a);
            var names = new List<string>();
            for (var i = 0; i < 10; i++)
            {
                var app = i % 2 == 0 ? a : b;
                var run = await new AllocationService.AllocationServiceClient(app.Channel).CreateAllocationRunAsync(
                    new CreateAllocationRunRequest { Parent = TestData.SubregionName, AllocationRun = new AllocationRun() }, app.Planner());
                names.Add(run.Name);
            }

            var runs = new AllocationService.AllocationServiceClient(a.Channel);
            await StorageSuite.EventuallyAsync(async () =>
            {
                var list = await runs.ListAllocationRunsAsync(new ListAllocationRunsRequest { Parent = TestData.SubregionName, PageSize = 50 }, a.Planner());
                return list.AllocationRuns.Count == 10 && list.AllocationRuns.All(r => r.State == State.Succeeded);
            }, seconds: 30);

            var final = (await runs.ListAllocationRunsAsync(new ListAllocationRunsRequest { Parent = TestData.SubregionName, PageSize = 50 }, a.Planner())).AllocationRuns;
            await using var db = new PostgresSchedulerDbContext(StorageSetup.PostgresOptions(database));
            var migrations = await db.Database.GetAppliedMigrationsAsync();
            Assert.Equal(10, a.FakeEngine.Calls + b.FakeEngine.Calls);
            Assert.True(a.FakeEngine.Calls > 0 && b.FakeEngine.Calls > 0, $"Both replicas should have worked: {a.FakeEngine.Calls} / {b.FakeEngine.Calls}.");
            Assert.All(final, r => Assert.Equal(1, r.AttemptCount));
            Assert.Equal(names.Order(), final.Select(r => r.Name).Order());
            Assert.Equal(db.Database.GetMigrations(), migrations);
        }
        finally
        {
            await PostgresTestEnvironment.DropDatabaseAsync(database);
        }
    }
}
