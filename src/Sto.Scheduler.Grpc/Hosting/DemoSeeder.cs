using Google.Protobuf;
using Microsoft.Extensions.Options;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Engine.DemoData;
using Sto.Scheduler.Engine.Serialization;
using Sto.Scheduler.Grpc.Diagnostics;
using Sto.Scheduler.Grpc.Mapping;
using Sto.Scheduler.Grpc.Persistence;

namespace Sto.Scheduler.Grpc.Hosting;

/// <summary>
/// Loads the demo subregion at start when Demo:SeedOnStart is set and it is not there yet: from
/// Demo:File (data/demo-subregion.json) when it exists, else from the Engine's seeded generator.
/// All resources are written in one transaction.
/// </summary>
public sealed class DemoSeeder(IServiceScopeFactory scopes, IOptions<DemoOptions> options, ILogger<DemoSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var demo = options.Value;
        if (!demo.SeedOnStart)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ResourceStore>();
        if (await store.GetAsync<Subregion>(demo.Subregion, cancellationToken) is not null)
        {
            Log.DemoPresent(logger, demo.Subregion);
            return;
        }

        var problem = File.Exists(demo.File)
            ? ProblemJson.Deserialize(await File.ReadAllTextAsync(demo.File, cancellationToken))
            : DemoSubregionGenerator.Generate(new DemoParameters());
        var (subregion, sources) = DemoMapping.ToResources(problem, demo.Subregion);
        var db = scope.ServiceProvider.GetRequiredService<SchedulerDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await store.CreateAsync(subregion.Name, ResourcePattern.Ancestor(subregion.Name, 2), subregion.Name, subregion, cancellationToken);
        }
        catch (ResourceAlreadyExistsException)
        {
            // Another replica sharing the database seeded it a moment ago.
            Log.DemoPresent(logger, demo.Subregion);
            return;
        }

        await UpsertAsync(store, subregion.Name, sources.Schools, cancellationToken);
        await UpsertAsync(store, subregion.Name, sources.Venues, cancellationToken);
        await UpsertAsync(store, subregion.Name, sources.Kits, cancellationToken);
        await UpsertAsync(store, subregion.Name, sources.Offers, cancellationToken);
        await UpsertAsync(store, subregion.Name, sources.Staff, cancellationToken);
        await UpsertAsync(store, subregion.Name, sources.Pupils, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Log.DemoSeeded(logger, demo.Subregion);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task UpsertAsync<T>(ResourceStore store, string subregion, IReadOnlyList<T> items, CancellationToken cancellationToken)
        where T : IMessage<T>, new()
    {
        foreach (var group in items.GroupBy(i => ResourcePattern.Ancestor(ProtoFields.GetString(i, "name"), 2)))
        {
            await store.UpsertAllAsync(group.Key, subregion, [.. group.Select(i => (ProtoFields.GetString(i, "name"), i))], cancellationToken);
        }
    }
}
