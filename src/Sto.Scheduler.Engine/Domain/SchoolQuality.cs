namespace Sto.Scheduler.Engine.Domain;

/// <summary>How one school's pupils fared: the fairness view across schools.</summary>
public sealed record SchoolQuality
{
    public SchoolId School { get; init; }

    public int PupilCount { get; init; }

    public int PlacedCount { get; init; }

    public int FirstChoiceCount { get; init; }

    /// <summary>First choices / pupils of the school (0 when the school has no pupils).</summary>
    public double FirstChoiceRate { get; init; }

    /// <summary>Mean rank over the placed pupils of the school (0 when none placed).</summary>
    public double MeanRank { get; init; }
}
