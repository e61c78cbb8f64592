using Microsoft.Extensions.Options;

namespace Sto.Scheduler.Grpc.Hosting;

/// <summary>
/// Loads the demo subregion at start when Demo:SeedOnStart is set and it is not there yet.
/// Placeholder until the Engine's DemoSubregionGenerator lands on main.
/// </summary>
public sealed class DemoSeeder(IOptions<DemoOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        options.Value.SeedOnStart ? Task.CompletedTask : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
