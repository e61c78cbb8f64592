namespace Sto.Scheduler.Engine.Baselines;

/// <summary>A choice of a pupil that passed the candidate filter, with what the per-pupil rules need to know.</summary>
/// <param name="OfferIndex">Index of the offer in the greedy pass.</param>
/// <param name="Rank">The rank the pupil gave it.</param>
/// <param name="IsAway">A session is away from the pupil's own school site (H3).</param>
/// <param name="IsFromOtherSchool">The pupil takes an open seat (H6).</param>
internal sealed record GreedyChoice(int OfferIndex, int Rank, bool IsAway, bool IsFromOtherSchool);
