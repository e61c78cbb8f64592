using System.Collections.Immutable;

namespace Sto.Scheduler.Engine.Domain;

/// <summary>
/// The per-region agreements the documents leave open (domain.md §7): every one a setting, none hard-coded.
/// </summary>
public sealed record RegionRules
{
    /// <summary>Staff:pupil ratio for practical sessions, 1:15 by default (Regio B, A5).</summary>
    public int PupilsPerStaffMember { get; init; } = 15;

    /// <summary>Staff kinds that count towards the ratio (instructors do, domain.md §2.11).</summary>
    public ImmutableArray<StaffKind> StaffKindsCountingForRatio { get; init; } =
        [StaffKind.Docent, StaffKind.Instructor, StaffKind.HybridDocent, StaffKind.CompanyInstructor];

    /// <summary>
    /// Staff work for their own provider only (default): a staff member staffs an offer hosted by the school they are
    /// based at, or an offer that meets at their base venue (a company instructor at their hotspot, mbo staff at the
    /// college). Off: any qualified staff member of the subregion who can get there.
    /// </summary>
    public bool StaffWorkForOwnProviderOnly { get; init; } = true;

    /// <summary>Every running group needs a qualified docent present each week (A6).</summary>
    public bool RequireQualifiedDocentPerGroup { get; init; } = true;

    /// <summary>Above this road distance pupils go by bus (default 6 km, A8).</summary>
    public double BusThresholdKm { get; init; } = 6.0;

    /// <summary>Seats in one bus.</summary>
    public int BusSeatCount { get; init; } = 50;

    /// <summary>Electives a pupil gets on the afternoon in this period (k, default 1).</summary>
    public int MaxPlacementsPerPupil { get; init; } = 1;

    /// <summary>Of those, how many may be away from the pupil's own school site (A3, default 1).</summary>
    public int MaxExternalPlacementsPerPupil { get; init; } = 1;

    /// <summary>Minutes pupils need between arriving and the session starting, and after it ends before leaving.</summary>
    public int ChangeoverMinutes { get; init; }

    public TravelModel Travel { get; init; } = new();

    public ObjectiveSettings Objective { get; init; } = new();
}
