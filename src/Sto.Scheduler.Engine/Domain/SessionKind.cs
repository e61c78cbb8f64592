namespace Sto.Scheduler.Engine.Domain;

/// <summary>Whether a session is a practical lesson (ratio applies) or theory.</summary>
public enum SessionKind
{
    /// <summary>Practical lesson: at least one staff member per <see cref="RegionRules.PupilsPerStaffMember"/> pupils.</summary>
    Practical = 1,

    /// <summary>Theory: one staff member per group is enough.</summary>
    Theory = 2,
}
