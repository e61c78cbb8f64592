namespace Sto.Scheduler.Engine.Domain;

/// <summary>A pupil placed in one group of an offer, at the rank they gave it.</summary>
public sealed record PupilPlacement
{
    public PupilId Pupil { get; init; }

    public OfferId Offer { get; init; }

    /// <summary>1-based number of the parallel group.</summary>
    public int Group { get; init; } = 1;

    /// <summary>The rank the pupil gave this offer.</summary>
    public int Rank { get; init; }
}
