namespace Sto.Scheduler.Client.Cli;

/// <summary>Real connections over the network.</summary>
internal sealed class NetworkClientFactory : ISchedulerClientFactory
{
    public SchedulerClient Create(SchedulerClientOptions options) => new(options);

    public HttpClient CreateHttpClient() => new() { Timeout = TimeSpan.FromSeconds(30) };
}
