using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Sto.Scheduler.Client.Cli;

/// <summary>
/// Mints a development JWT (HS256) the way the server's DevTokenIssuer does: claims role and the scope claim of
/// the role (planner → subregion, coordinator → school, app → pupil or subregion). For demos and tests only.
/// </summary>
internal static class DevToken
{
    public static readonly string[] RoleNames = ["planner", "coordinator", "app"];

    public static string Mint(string role, string scope, string signingKey, string issuer, string audience, TimeSpan lifetime, DateTimeOffset now)
    {
        if (Encoding.UTF8.GetByteCount(signingKey) < 32)
        {
            throw new CliException(ExitCodes.Usage, "--signing-key: the server's key has at least 32 characters (Auth:SigningKey).");
        }

        var claims = new Dictionary<string, object>
        {
            ["sub"] = $"{role}:{scope}",
            ["role"] = role,
            [ScopeClaim(role, scope)] = scope,
            ["iss"] = issuer,
            ["aud"] = audience,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + lifetime).ToUnixTimeSeconds(),
        };
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "HS256", ["typ"] = "JWT" }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.ASCII.GetBytes($"{header}.{payload}"));
        return $"{header}.{payload}.{Base64Url(signature)}";
    }

    public static string ScopeClaim(string role, string scope) => role switch
    {
        "planner" => "subregion",
        "coordinator" => "school",
        "app" when scope.Contains("/pupils/", StringComparison.Ordinal) => "pupil",
        "app" => "subregion",
        _ => throw new CliException(ExitCodes.Usage, $"--role '{role}': expected planner, coordinator or app."),
    };

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
