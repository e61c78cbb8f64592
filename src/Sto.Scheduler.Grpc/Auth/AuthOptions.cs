using System.ComponentModel.DataAnnotations;

namespace Sto.Scheduler.Grpc.Auth;

/// <summary>JWT bearer settings, section "Auth".</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The HMAC-SHA256 signing key (at least 32 characters); from configuration or the environment.</summary>
    [Required]
    [MinLength(32)]
    public string SigningKey { get; set; } = "";

    [Required]
    public string Issuer { get; set; } = "sto-scheduler";

    [Required]
    public string Audience { get; set; } = "sto-scheduler";

    /// <summary>Serve GET /dev/token for demos; never in production.</summary>
    public bool DevTokensEnabled { get; set; }
}
