namespace Sto.Scheduler.Client.Cli;

/// <summary>Makes the connections the CLI needs; tests hand in one over the in-process server.</summary>
internal interface ISchedulerClientFactory
{
    /// <summary>A client for the gRPC address and token in <paramref name="options"/>.</summary>
    SchedulerClient Create(SchedulerClientOptions options);

    /// <summary>A plain HTTP client (for the server's /dev/token endpoint).</summary>
    HttpClient CreateHttpClient();
}
