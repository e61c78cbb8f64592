using System.ComponentModel.DataAnnotations;

namespace Sto.Scheduler.Grpc.Hosting;

/// <summary>Transport limits, section "Server".</summary>
public sealed class ServerOptions
{
    public const string Section = "Server";

    [Range(1024, 256 * 1024 * 1024)]
    public int MaxReceiveMessageBytes { get; set; } = 4 * 1024 * 1024;

    [Range(1024, 256 * 1024 * 1024)]
    public int MaxSendMessageBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Requests per caller (token subject, else IP) per window; 0 turns rate limiting off.</summary>
    [Range(0, 1_000_000)]
    public int RequestsPerWindow { get; set; } = 600;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Serve gRPC server reflection (reveals the schema, not data).</summary>
    public bool EnableReflection { get; set; } = true;
}
