namespace Sto.Scheduler.Engine.Domain;

/// <summary>One ranked wish of a <see cref="Pupil"/>; rank 1 is the most wanted.</summary>
public sealed record ElectiveChoice
{
    public OfferId Offer { get; init; }

    public int Rank { get; init; }
}
