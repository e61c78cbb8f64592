using Grpc.Core;
using Sto.Scheduler.Grpc.Errors;
using Sto.Scheduler.Grpc.Mapping;

namespace Sto.Scheduler.Grpc.Auth;

/// <summary>
/// "May this caller touch this resource?" Checked on the raw name before anything is parsed or loaded,
/// so a denied caller learns nothing about existence (AIP-211). A scope covers a name when the name is
/// the scope itself or lies under it.
/// </summary>
public static class AccessChecks
{
    /// <summary>
    /// A REQUIRED name checked in the order every RPC keeps: empty → INVALID_ARGUMENT (it names no resource), then
    /// <paramref name="access"/> on the raw name (PERMISSION_DENIED reveals nothing about existence), then the name's
    /// format → INVALID_ARGUMENT.
    /// </summary>
    public static Caller RequireNamed(
        ServerCallContext context, string? name, ResourcePattern pattern, string field, Func<ServerCallContext, string, Caller> access)
    {
        ArgumentNullException.ThrowIfNull(access);
        ResourceNames.RequirePresent(name, pattern, field);
        var caller = access(context, name!);
        ResourceNames.Require(name, pattern, field);
        return caller;
    }

    /// <summary>Planners of the subregion that contains <paramref name="name"/>.</summary>
    public static Caller RequirePlanner(ServerCallContext context, string name)
    {
        var caller = CallerOf(context);
        return caller.IsPlanner && Covers(caller.Scope, name) ? caller : throw RpcErrors.PermissionDenied(name);
    }

    /// <summary>
    /// Planners and coordinators of any subregion of the region <paramref name="region"/> (listing subregions; each
    /// sees only their own, see <see cref="OwnSubregion"/>).
    /// </summary>
    public static Caller RequireMemberInRegion(ServerCallContext context, string region)
    {
        var caller = CallerOf(context);
        var allowed = caller.Role is Roles.Planner or Roles.Coordinator && Covers(region, caller.Scope);
        return allowed ? caller : throw RpcErrors.PermissionDenied(region);
    }

    /// <summary>True when <paramref name="subregion"/> is the caller's own: the one planned, or the one of their school.</summary>
    public static bool OwnSubregion(Caller caller, string subregion) =>
        SubregionOf(caller.Scope) is { Length: > 0 } own && own == subregion;

    /// <summary>Planners of the subregion and coordinators of any of its schools (read of shared data).</summary>
    public static Caller RequireSubregionReader(ServerCallContext context, string name)
    {
        var caller = CallerOf(context);
        var allowed = caller.Role switch
        {
            Roles.Planner => Covers(caller.Scope, name),
            Roles.Coordinator => Covers(SubregionOf(caller.Scope), name),
            _ => false,
        };
        return allowed ? caller : throw RpcErrors.PermissionDenied(name);
    }

    /// <summary>Planners of the subregion and the coordinator of the school that contains <paramref name="name"/>.</summary>
    public static Caller RequireSchoolMember(ServerCallContext context, string name)
    {
        var caller = CallerOf(context);
        var allowed = caller.Role is Roles.Planner or Roles.Coordinator && Covers(caller.Scope, name);
        return allowed ? caller : throw RpcErrors.PermissionDenied(name);
    }

    /// <summary>The app for this pupil or app-wide for the subregion, the pupil's coordinator, the planners.</summary>
    public static Caller RequireScheduleReader(ServerCallContext context, string scheduleName)
    {
        var caller = CallerOf(context);
        var allowed = caller.Role switch
        {
            Roles.Planner or Roles.Coordinator => Covers(caller.Scope, scheduleName),
            Roles.App when caller.Scope.Contains("/pupils/", StringComparison.Ordinal) =>
                scheduleName == caller.Scope + "/schedule",
            Roles.App => Covers(caller.Scope, scheduleName),
            _ => false,
        };
        return allowed ? caller : throw RpcErrors.PermissionDenied(scheduleName);
    }

    /// <summary>
    /// Who may read a pupil's placement explanation in a run: planners of the subregion, the coordinator of the
    /// pupil's school and the pupil's own app; the run and the pupil must lie in the same subregion. Returns the caller
    /// so the service can limit pupils to published runs.
    /// </summary>
    public static Caller RequirePlacementReader(ServerCallContext context, string run, string pupil)
    {
        var caller = CallerOf(context);
        var sameSubregion = SubregionOf(run).Length > 0 && SubregionOf(run) == SubregionOf(pupil);
        var allowed = sameSubregion && caller.Role switch
        {
            Roles.Planner => Covers(caller.Scope, run),
            Roles.Coordinator => Covers(caller.Scope, pupil),
            Roles.App => caller.Scope.Contains("/pupils/", StringComparison.Ordinal) && caller.Scope == pupil,
            _ => false,
        };
        return allowed ? caller : throw RpcErrors.PermissionDenied(run);
    }

    /// <summary>True when <paramref name="name"/> is <paramref name="scope"/> or lies under it.</summary>
    public static bool Covers(string scope, string name) =>
        scope.Length > 0
        && (name == scope || (name.StartsWith(scope, StringComparison.Ordinal) && name.Length > scope.Length && name[scope.Length] == '/'));

    /// <summary>"regions/{r}/subregions/{s}" of a name under it, or "" when the name is not under a subregion.</summary>
    public static string SubregionOf(string name)
    {
        var parts = name.Split('/');
        return parts.Length >= 4 && parts[0] == "regions" && parts[2] == "subregions"
            ? string.Join('/', parts[..4])
            : "";
    }

    private static Caller CallerOf(ServerCallContext context) => Caller.From(context.GetHttpContext().User);
}
