using System.Collections.Immutable;

namespace Sto.Scheduler.Engine.Domain;

/// <summary>
/// An upper-year pupil taking part in the afternoon, known only by a pseudonymous id (A15).
/// </summary>
public sealed record Pupil
{
    public PupilId Id { get; init; }

    public SchoolId School { get; init; }

    public LearningPath Path { get; init; } = LearningPath.Advanced;

    /// <summary>School year, 3 or 4 for the elective exchange.</summary>
    public int Year { get; init; } = 3;

    /// <summary>The pupil's profile code, e.g. "PIE" or "D&amp;P".</summary>
    public string Profile { get; init; } = "";

    /// <summary>Ranked wishes (typically 3–6); ranks are unique.</summary>
    public ImmutableArray<ElectiveChoice> Choices { get; init; } = [];

    /// <summary>Elective codes already completed; never allocated again (A4).</summary>
    public ImmutableArray<string> CompletedElectives { get; init; } = [];
}
