using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Explanation;

/// <summary>
/// Fairness of one run (ANCHORS §5.2): first-choice rate per school and per learning path, the worst rank given and
/// justified envy. Computed by <see cref="FairnessReport.Calculate"/> from the allocation alone.
/// </summary>
public sealed record FairnessMetrics
{
    /// <summary>Pupils of the problem.</summary>
    public int PupilCount { get; init; }

    /// <summary>Pupils placed at rank 1 / all pupils (0 without pupils).</summary>
    public double FirstChoiceRate { get; init; }

    /// <summary>Per school, ordered by school id (ordinal).</summary>
    public ImmutableArray<FirstChoiceTally> BySchool { get; init; } = [];

    /// <summary>Per learning path, in path order (bb, kb, gl, tl, nl); only paths with pupils.</summary>
    public ImmutableArray<FirstChoiceTally> ByLearningPath { get; init; } = [];

    /// <summary>Worst rank given to a placed pupil (0 when nobody is placed).</summary>
    public int WorstRank { get; init; }

    /// <summary>Pupils with no placement.</summary>
    public int UnplacedCount { get; init; }

    /// <summary>Number of (pupil, offer) pairs with justified envy: <see cref="EnvyPairs"/>.Length.</summary>
    public int JustifiedEnvyCount { get; init; }

    /// <summary>The pairs, ordered by pupil id then offer id (ordinal).</summary>
    public ImmutableArray<EnvyPair> EnvyPairs { get; init; } = [];

    /// <summary>The distinct pupils with at least one envy pair, ordered by id (ordinal).</summary>
    public ImmutableArray<PupilId> EnviousPupils { get; init; } = [];
}
