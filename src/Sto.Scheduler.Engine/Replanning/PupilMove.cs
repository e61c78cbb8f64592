using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Replanning;

/// <summary>A pupil whose placement changed: from where, to where, and why.</summary>
public sealed record PupilMove
{
    public PupilId Pupil { get; init; }

    /// <summary>Offer before (null when the pupil was unplaced or new).</summary>
    public OfferId? FromOffer { get; init; }

    public int? FromGroup { get; init; }

    /// <summary>Offer after (null when the pupil is now unplaced or removed).</summary>
    public OfferId? ToOffer { get; init; }

    public int? ToGroup { get; init; }

    /// <summary>
    /// Why: a <see cref="Feasibility.ReasonCodes"/> value when the old placement became impossible for this pupil
    /// (offer-cancelled, arrives-too-late …), "offer-cannot-run" when the offer can no longer run at all,
    /// "group-changed" for a move between parallel groups, "pupil-added" / "pupil-removed", or "rebalanced" when
    /// the pupil made room so that fewer pupils lost their place.
    /// </summary>
    public string Reason { get; init; } = "";
}
