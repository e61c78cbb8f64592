namespace Sto.Scheduler.Client;

/// <summary>Where the STO Scheduler service is, who calls it and how long a call may take.</summary>
public sealed class SchedulerClientOptions
{
    /// <summary>The gRPC (HTTP/2) address, for example <c>http://localhost:5071</c> for the Development server.</summary>
    public Uri Address { get; set; } = new("http://localhost:5071");

    /// <summary>The bearer token (JWT) sent as <c>Authorization: Bearer …</c> on every call; <c>null</c> sends none.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Deadline of a unary call that sets none itself. Default 30 seconds.</summary>
    public TimeSpan DefaultDeadline { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Deadline of a server-streaming call (Watch…) that sets none itself. Default 10 minutes;
    /// <see cref="Allocations.AllocationRunWaiter"/> watches again when it passes.
    /// </summary>
    public TimeSpan StreamDeadline { get; set; } = TimeSpan.FromMinutes(10);
}
