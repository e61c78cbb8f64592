using System.Collections.Immutable;

namespace Sto.Scheduler.Engine.Domain;

/// <summary>Who may take an elective (domain.md §1.6, A10, A12). Empty lists mean "no restriction".</summary>
public sealed record Eligibility
{
    /// <summary>Allowed learning paths; empty = bb, kb and gl (tl/nl only when listed, A12).</summary>
    public ImmutableArray<LearningPath> Paths { get; init; } = [];

    /// <summary>Allowed school years; empty = 3 and 4.</summary>
    public ImmutableArray<int> Years { get; init; } = [];

    /// <summary>Allowed profiles of the pupil; empty = every profile.</summary>
    public ImmutableArray<string> Profiles { get; init; } = [];

    /// <summary>Elective codes the pupil must have completed first.</summary>
    public ImmutableArray<string> PrerequisiteElectives { get; init; } = [];

    /// <summary>Paths allowed when <see cref="Paths"/> is empty.</summary>
    public static readonly ImmutableArray<LearningPath> DefaultPaths =
        [LearningPath.Basic, LearningPath.Advanced, LearningPath.Combined];

    /// <summary>Years allowed when <see cref="Years"/> is empty.</summary>
    public static readonly ImmutableArray<int> DefaultYears = [3, 4];

    /// <summary>The paths in force.</summary>
    public ImmutableArray<LearningPath> EffectivePaths => Paths.IsDefaultOrEmpty ? DefaultPaths : Paths;

    /// <summary>The years in force.</summary>
    public ImmutableArray<int> EffectiveYears => Years.IsDefaultOrEmpty ? DefaultYears : Years;
}
