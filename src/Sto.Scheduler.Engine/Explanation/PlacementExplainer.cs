using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Explanation;

/// <summary>
/// Explains, per pupil, why they got this elective and not a better-ranked choice (issue 4, ANCHORS §5.6): a pure
/// function of the problem and the allocation, independent of how the allocation was found.
/// </summary>
public static class PlacementExplainer
{
    /// <summary>One verdict per choice of the pupil, in rank order; throws when the pupil is not in the problem.</summary>
    public static PlacementExplanation Explain(SchedulingProblem problem, Allocation allocation, PupilId pupil)
    {
        var context = new ExplanationContext(problem, allocation);
        if (!context.Index.Pupils.ContainsKey(pupil))
        {
            throw new ArgumentException($"Pupil '{pupil}' is not part of the problem.", nameof(pupil));
        }

        return Explain(context, pupil);
    }

    /// <summary>The explanation of every pupil of the problem, ordered by pupil id (ordinal).</summary>
    public static ImmutableArray<PlacementExplanation> ExplainAll(SchedulingProblem problem, Allocation allocation)
    {
        var context = new ExplanationContext(problem, allocation);
        return [.. context.Index.Pupils.Keys.OrderBy(id => id.Value, StringComparer.Ordinal).Select(id => Explain(context, id))];
    }

    internal static PlacementExplanation Explain(ExplanationContext context, PupilId id)
    {
        var pupil = context.Index.Pupils[id];
        var placements = context.PlacementsOf(id);
        var best = placements.IsEmpty ? null : placements[0];
        var verdicts = pupil.Choices.NullToEmpty()
            .Where(c => c is not null)
            .OrderBy(c => c.Rank)
            .Select(choice => Verdict(context, pupil, choice, placements));
        return new PlacementExplanation(id, best?.Offer, best?.Rank, [.. verdicts]);
    }

    private static ChoiceVerdict Verdict(ExplanationContext context, Pupil pupil, ElectiveChoice choice, ImmutableArray<PupilPlacement> placements)
    {
        var offer = context.Index.Offers.GetValueOrDefault(choice.Offer);
        var name = offer?.Name ?? choice.Offer.Value ?? "";
        var provider = offer?.ProviderName ?? "";
        if (placements.Any(p => p.Offer == choice.Offer))
        {
            return new ChoiceVerdict(choice.Offer, choice.Rank, name, provider, ChoiceOutcome.Granted, []);
        }

        return context.Prefers(pupil, choice)
            ? new ChoiceVerdict(choice.Offer, choice.Rank, name, provider, ChoiceOutcome.BetterChoiceBlocked, ChoiceAnalysis.Blocked(context, pupil, choice))
            : new ChoiceVerdict(choice.Offer, choice.Rank, name, provider, ChoiceOutcome.LowerChoiceNotNeeded, []);
    }
}
