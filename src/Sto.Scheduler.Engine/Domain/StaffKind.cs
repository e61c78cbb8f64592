namespace Sto.Scheduler.Engine.Domain;

/// <summary>What role a staff member has in a group (domain.md §2.11, §2.12).</summary>
public enum StaffKind
{
    /// <summary>A school teacher (docent).</summary>
    Docent = 1,

    /// <summary>A technical instructor (instructeur); counts towards the ratio.</summary>
    Instructor = 2,

    /// <summary>A hybrid docent: main job outside education, teaches some afternoons.</summary>
    HybridDocent = 3,

    /// <summary>A company instructor supervising pupils at a hotspot.</summary>
    CompanyInstructor = 4,
}
