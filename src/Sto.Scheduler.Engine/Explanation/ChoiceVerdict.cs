using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Explanation;

/// <summary>
/// The verdict on one ranked choice: granted, blocked (with reasons, the main one first and
/// <see cref="ExplanationCodes.JustifiedEnvy"/> after it where true) or not needed.
/// </summary>
/// <param name="Offer">The offer the pupil ranked.</param>
/// <param name="Rank">The rank the pupil gave it (1 = most wanted).</param>
/// <param name="OfferName">Display name of the offer; the id when the offer is unknown.</param>
/// <param name="ProviderName">Who runs it, for display; empty when unknown.</param>
/// <param name="Outcome">Granted, blocked or not needed.</param>
/// <param name="Reasons">Empty unless <paramref name="Outcome"/> is <see cref="ChoiceOutcome.BetterChoiceBlocked"/>.</param>
public sealed record ChoiceVerdict(
    OfferId Offer,
    int Rank,
    string OfferName,
    string ProviderName,
    ChoiceOutcome Outcome,
    ImmutableArray<ExplanationReason> Reasons);
