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
}
