using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Explanation;

/// <summary>
/// Why a pupil got the elective they got and not a better-ranked one (issue 4, ANCHORS §5.6): one
/// <see cref="ChoiceVerdict"/> per choice, in rank order.
/// </summary>
/// <param name="Pupil">The pupil explained.</param>
/// <param name="GrantedOffer">The offer the pupil was placed in (the best-ranked one when several); null when unplaced.</param>
/// <param name="GrantedRank">The rank of <paramref name="GrantedOffer"/>; null when unplaced.</param>
/// <param name="Choices">One verdict per ranked choice, in rank order.</param>
public sealed record PlacementExplanation(
    PupilId Pupil,
    OfferId? GrantedOffer,
    int? GrantedRank,
    ImmutableArray<ChoiceVerdict> Choices)
{
    /// <summary>True when the pupil has at least one placement.</summary>
    public bool IsPlaced => GrantedOffer is not null;
}
