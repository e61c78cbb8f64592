namespace Sto.Scheduler.Grpc.Auth;

/// <summary>The roles a token carries in its "role" claim, and the scope claims that go with them.</summary>
public static class Roles
{
    /// <summary>A subregion planner; scope claim <see cref="SubregionClaim"/>.</summary>
    public const string Planner = "planner";

    /// <summary>A school's elective coordinator; scope claim <see cref="SchoolClaim"/>.</summary>
    public const string Coordinator = "coordinator";

    /// <summary>The pupil app; scope claim <see cref="PupilClaim"/> (one pupil) or <see cref="SubregionClaim"/> (read of all published schedules).</summary>
    public const string App = "app";

    public const string RoleClaim = "role";
    public const string SubregionClaim = "subregion";
    public const string SchoolClaim = "school";
    public const string PupilClaim = "pupil";
}
