using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Sto.Scheduler.Grpc.Auth;

/// <summary>Mints tokens signed with the configured key: for tests, the demo and the CLI's dev mode.</summary>
public sealed class DevTokenIssuer(IOptions<AuthOptions> options, TimeProvider time)
{
    public string Issue(string role, string scope, TimeSpan? lifetime = null, string? subject = null)
    {
        var scopeClaim = role switch
        {
            Roles.Planner => Roles.SubregionClaim,
            Roles.Coordinator => Roles.SchoolClaim,
            Roles.App when scope.Contains("/pupils/", StringComparison.Ordinal) => Roles.PupilClaim,
            Roles.App => Roles.SubregionClaim,
            _ => throw new ArgumentException($"Unknown role '{role}'.", nameof(role)),
        };
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(8)),
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", subject ?? $"{role}:{scope}"),
                new Claim(Roles.RoleClaim, role),
                new Claim(scopeClaim, scope),
            ]),
            SigningCredentials = new SigningCredentials(SigningKey(settings), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public static SymmetricSecurityKey SigningKey(AuthOptions settings) =>
        new(Encoding.UTF8.GetBytes(settings.SigningKey));
}
