using System.Collections.Immutable;

namespace Sto.Scheduler.Engine.Domain;

/// <summary>A vmbo school site (vestiging) whose pupils take part in the common afternoon (domain.md §1.7).</summary>
public sealed record School
{
    public SchoolId Id { get; init; }

    public string Name { get; init; } = "";

    /// <summary>BRIN-6 (or BRIN-4) where known; informational (A25).</summary>
    public string? Brin { get; init; }

    public GeoPoint Location { get; init; }

    public string Address { get; init; } = "";

    /// <summary>When this school's pupils are released for the afternoon (schools may differ, domain.md §2.1).</summary>
    public TimeOnly ReleaseTime { get; init; } = new(12, 45);

    /// <summary>When pupils must be back at school at the latest; null means the end of the common afternoon.</summary>
    public TimeOnly? ReturnBy { get; init; }

    /// <summary>Learning paths this site offers.</summary>
    public ImmutableArray<LearningPath> Paths { get; init; } = [];

    /// <summary>Profile codes this site offers (reference data, e.g. "PIE", "BWI", "D&amp;P").</summary>
    public ImmutableArray<string> Profiles { get; init; } = [];
}
