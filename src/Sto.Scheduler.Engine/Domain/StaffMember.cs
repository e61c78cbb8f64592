using System.Collections.Immutable;

namespace Sto.Scheduler.Engine.Domain;

/// <summary>Someone who can staff a group: docent, instructor, hybrid docent or company instructor.</summary>
public sealed record StaffMember
{
    public StaffId Id { get; init; }

    /// <summary>Name shown to pupils in the app (staff are adults; pupils are never named).</summary>
    public string Name { get; init; } = "";

    public StaffKind Kind { get; init; } = StaffKind.Docent;

    /// <summary>Holds a teaching qualification (bevoegd); only such docents count as "qualified docent".</summary>
    public bool IsQualifiedTeacher { get; init; }

    /// <summary>School, company or college that employs them.</summary>
    public string Employer { get; init; } = "";

    /// <summary>The school or venue id where they start the afternoon.</summary>
    public string BaseSite { get; init; } = "";

    /// <summary>Qualification codes (profile or elective codes) they may staff.</summary>
    public ImmutableArray<string> Qualifications { get; init; } = [];

    /// <summary>Weeks of the period in which they are available on the afternoon; empty = every week.</summary>
    public ImmutableArray<Week> AvailableWeeks { get; init; } = [];

    /// <summary>Weeks in which they are not available after all (ill, needed at the company); wins over <see cref="AvailableWeeks"/>.</summary>
    public ImmutableArray<Week> UnavailableWeeks { get; init; } = [];

    /// <summary>True when available in the week.</summary>
    public bool IsAvailableIn(Week week) =>
        (AvailableWeeks.IsDefaultOrEmpty || AvailableWeeks.Contains(week))
        && (UnavailableWeeks.IsDefaultOrEmpty || !UnavailableWeeks.Contains(week));

    /// <summary>True when they may staff an offer requiring the given qualification.</summary>
    public bool HoldsQualification(string qualification) =>
        !Qualifications.IsDefault && Qualifications.Contains(qualification, StringComparer.OrdinalIgnoreCase);
}
