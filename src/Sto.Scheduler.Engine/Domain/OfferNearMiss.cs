namespace Sto.Scheduler.Engine.Domain;

/// <summary>An offer that did not run although pupils wanted it: how far it was from its minimum group size.</summary>
public sealed record OfferNearMiss
{
    public OfferId Offer { get; init; }

    public int MinGroupSize { get; init; }

    /// <summary>Pupils who ranked the offer and could take it (eligible, reachable).</summary>
    public int InterestedPupils { get; init; }

    /// <summary>Of those, how many ranked it first.</summary>
    public int FirstChoicePupils { get; init; }

    /// <summary>Pupils short of the minimum if every interested pupil had joined; 0 means staff or venue blocked it.</summary>
    public int ShortBy { get; init; }
}
