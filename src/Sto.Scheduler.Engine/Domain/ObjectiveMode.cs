namespace Sto.Scheduler.Engine.Domain;

/// <summary>How the objective tiers are combined.</summary>
public enum ObjectiveMode
{
    /// <summary>Tier by tier: each tier's optimum is kept while the next one is improved (default).</summary>
    Lexicographic = 1,

    /// <summary>One weighted sum of all tiers, using the weights in <see cref="ObjectiveSettings"/>.</summary>
    Weighted = 2,
}
