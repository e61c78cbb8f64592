using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Explanation;

/// <summary>
/// One domain reason of a run with the pupils it affects: why pupils were left out or an offer did not run
/// although enough pupils could take it. <see cref="ExplanationText.Render(DiagnosisFinding)"/> makes the sentence.
/// </summary>
/// <param name="Reason">The reason; its facts are about the offer and week, never about one pupil.</param>
/// <param name="OfferName">Display name of the offer the reason is about; empty when about no single offer.</param>
/// <param name="ProviderName">Who runs that offer; empty when about no single offer.</param>
/// <param name="Pupils">The pupils it affects, ordered by id (ordinal).</param>
public sealed record DiagnosisFinding(ExplanationReason Reason, string OfferName, string ProviderName, ImmutableArray<PupilId> Pupils)
{
    /// <summary>The reason's code, one of <see cref="ExplanationCodes"/>.</summary>
    public string Code => Reason.Code;

    /// <summary>How many pupils the finding affects.</summary>
    public int PupilCount => Pupils.Length;
}
