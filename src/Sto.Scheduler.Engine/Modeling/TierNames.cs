namespace Sto.Scheduler.Engine.Modeling;

/// <summary>Names of the objective tiers, as reported in statistics and progress.</summary>
internal static class TierNames
{
    public const string Placement = "placement";
    public const string KeptPlaces = "kept-places";
    public const string Moves = "moves";
    public const string Preference = "preference";
    public const string PlacementAndPreference = "placement+preference";
    public const string Travel = "travel";
    public const string Staffing = "staffing";
    public const string Priority = "priority";
    public const string Weighted = "weighted";

    /// <summary>A rank-maximal fresh solve's first tier: fewest unplaced pupils, then most first choices.</summary>
    public const string PlacementAndFirstChoices = "placement+rank-1";

    /// <summary>A rank-maximal tier: the most placements at this rank (1-based).</summary>
    public static string Rank(int rank) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"rank-{rank}");
}
