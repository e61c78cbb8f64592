using System.Security.Claims;

namespace Sto.Scheduler.Grpc.Auth;

/// <summary>Who is calling, read from the validated token: a role and the scope it covers.</summary>
public sealed record Caller(string Role, string Scope)
{
    public bool IsPlanner => Role == Roles.Planner;

    public bool IsCoordinator => Role == Roles.Coordinator;

    /// <summary>The caller from the principal; an unknown role or a missing scope yields an empty scope.</summary>
    public static Caller From(ClaimsPrincipal user)
    {
        var role = user.FindFirst(Roles.RoleClaim)?.Value ?? "";
        var scopeClaim = role switch
        {
            Roles.Planner => Roles.SubregionClaim,
            Roles.Coordinator => Roles.SchoolClaim,
            Roles.App => user.HasClaim(c => c.Type == Roles.PupilClaim) ? Roles.PupilClaim : Roles.SubregionClaim,
            _ => "",
        };
        return new Caller(role, user.FindFirst(scopeClaim)?.Value ?? "");
    }
}
