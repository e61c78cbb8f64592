using System.Globalization;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;
using static System.FormattableString;

namespace Sto.Scheduler.Engine.Validation;

public static partial class ProblemValidator
{
    private static void CheckChoices(Context context, Pupil pupil, string path, string name)
    {
        // An invalid path or year is reported once on the pupil, not again on every choice it would block.
        var canJudgeEligibility = Enum.IsDefined(pupil.Path) && pupil.Year is >= 1 and <= 6;
        var ranks = new HashSet<int>();
        var offers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (choice, choicePath) in context.Entries(pupil.Choices, $"{path}.choices"))
        {
            if (choice.Rank < 1)
            {
                context.Add($"{choicePath}.rank", IssueCodes.ValueOutOfRange, Invariant($"{name} ranks a choice {choice.Rank}; ranks start at 1."));
            }
            else if (!ranks.Add(choice.Rank))
            {
                context.Add($"{choicePath}.rank", IssueCodes.DuplicateRank, Invariant($"{name} gives rank {choice.Rank} to more than one choice."));
            }

            var offerId = choice.Offer.Value;
            if (!CheckReference(context, offerId, context.OfferIds, $"{choicePath}.offer", name, "chosen offer", IssueCodes.UnknownOffer, "offer"))
            {
                continue;
            }

            if (!offers.Add(offerId))
            {
                context.Add($"{choicePath}.offer", IssueCodes.DuplicateChoice, $"{name} chose offer {Quote(offerId)} more than once.");
            }
            else if (canJudgeEligibility && IneligibleBecause(context, pupil, context.Offers[offerId]) is { } reason)
            {
                context.Add(
                    $"{choicePath}.offer",
                    IssueCodes.ChoiceNotEligible,
                    Invariant($"{name} chose offer {Quote(offerId)} at rank {choice.Rank}, but can never take it: the pupil {reason}."));
            }
        }
    }

    /// <summary>Why the pupil can never take the offer, or null when eligibility allows it.</summary>
    private static string? IneligibleBecause(Context context, Pupil pupil, ElectiveOffer offer)
    {
        // Ask CandidateFilter the eligibility questions only: with the pupil's own school as host and no sessions,
        // the open-seat, external and travel rules pass, because reachability is not an input error.
        var eligibilityOnly = offer with { HostSchool = pupil.School, Sessions = [], IsCancelled = false };
        var verdict = context.Candidates.Check(pupil, eligibilityOnly);
        var eligibility = offer.Eligibility ?? new Eligibility();
        var detail = verdict.Detail;
        return verdict.Reason switch
        {
            ReasonCodes.AlreadyCompleted => $"has already completed elective {Quote(detail)}",
            ReasonCodes.PathNotEligible =>
                $"follows learning path '{detail}', which the offer does not admit (allowed: {string.Join(", ", eligibility.EffectivePaths.Select(p => p.ToCode()))})",
            ReasonCodes.YearNotEligible =>
                $"is in year {detail}, which the offer does not admit (allowed: {string.Join(", ", eligibility.EffectiveYears.Select(y => y.ToString(CultureInfo.InvariantCulture)))})",
            ReasonCodes.ProfileNotEligible =>
                $"has profile {Quote(detail)}, which the offer does not admit (allowed: {string.Join(", ", eligibility.Profiles.NullToEmpty())})",
            ReasonCodes.PrerequisiteMissing => $"has not completed the prerequisite elective {Quote(detail)}",
            _ => null,
        };
    }
}
