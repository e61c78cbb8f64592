using Sto.Scheduler.Engine.DemoData;
using Sto.Scheduler.Engine.Decoding;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;
using Sto.Scheduler.Engine.Modeling;
using Sto.Scheduler.Engine.Replanning;
using Sto.Scheduler.Engine.Solving;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Engine.Tests.Solving;

public sealed class MovesFlowTests
{
    private static readonly SchedulingProblem Problem = DemoSubregionGenerator.Generate(DemoParameters.Subregion(6) with { PupilCount = 150, SchoolCount = 3, OfferCount = 20, CompanyHotspotCount = 2 });

    [Fact]
    public void Re_seating_the_starting_plan_keeps_every_rule_and_every_placed_pupil_and_never_adds_moves()
    {
        var (model, start) = ReplanModelAndHint(Problem.Offers[0].Id);
        var moves = TierExpression(model, TierNames.Moves);

        var improved = MovesFlow.Improve(model, start);

        Assert.True(TierObjective.Evaluate(moves, improved) <= TierObjective.Evaluate(moves, start));
        Assert.Equal(PlacedPupils(model, start), PlacedPupils(model, improved));
        Assert.Empty(AllocationChecker.Check(model.Index.Problem, SolutionDecoder.Decode(model, improved)));
    }

    [Fact]
    public void Two_pupils_whose_offers_were_swapped_get_their_own_offers_back()
    {
        var (model, start) = ReplanModelAndHint(Problem.Offers[0].Id);
        var moves = TierExpression(model, TierNames.Moves);
        var (first, second) = SwappablePair(model, start);
        var swapped = (long[])start.Clone();
        Swap(model, swapped, first, second);
        Assert.Equal(TierObjective.Evaluate(moves, start) + 2, TierObjective.Evaluate(moves, swapped));

        var improved = MovesFlow.Improve(model, swapped);

        Assert.True(TierObjective.Evaluate(moves, improved) <= TierObjective.Evaluate(moves, start));
        Assert.Empty(AllocationChecker.Check(model.Index.Problem, SolutionDecoder.Decode(model, improved)));
    }

    [Fact]
    public void A_fresh_model_or_a_plan_that_cannot_improve_is_returned_as_it_is()
    {
        var fresh = AllocationModelBuilder.Build(Problem, ProblemIndex.Build(Problem));
        var (_, _, flowOffers) = FlowBound.Compute(fresh);
        var plan = HintBuilder.FromGreedy(fresh, flowOffers).Values;
        Assert.Same(plan, MovesFlow.Improve(fresh, plan));

        var (model, start) = ReplanModelAndHint(Problem.Offers[0].Id);
        var once = MovesFlow.Improve(model, start);
        Assert.Same(once, MovesFlow.Improve(model, once));
    }

    private static (AllocationModel Model, long[] Start) ReplanModelAndHint(OfferId cancelled)
    {
        var published = Problem.SolveOrFail().Allocation;
        var problem = DisruptionApplier.Apply(Problem, [new Disruption.OfferCancelled(cancelled)]);
        var baseline = new ReplanBaseline(
            published.Placements.GroupBy(p => p.Pupil).ToDictionary(g => g.Key, g => (g.First().Offer, g.First().Group)),
            new HashSet<PupilId>(),
            published);
        var model = AllocationModelBuilder.Build(problem, ProblemIndex.Build(problem), baseline);
        var (_, _, flowOffers) = FlowBound.Compute(model);
        return (model, HintBuilder.FromGreedy(model, flowOffers).Values);
    }

    private static Google.OrTools.Sat.LinearExpr TierExpression(AllocationModel model, string name) =>
        model.Tiers.Single(t => t.Name == name).Expression;

    private static HashSet<int> PlacedPupils(AllocationModel model, long[] values) =>
        [.. model.Pairs.Where(p => values[p.Place.GetIndex()] == 1).Select(p => p.Pupil)];

    /// <summary>Two own-school pupils in their published offers, each with a candidate pair for the other's offer.</summary>
    private static (CandidatePair First, CandidatePair Second) SwappablePair(AllocationModel model, long[] values)
    {
        var seated = model.Pairs
            .Where(p => values[p.Place.GetIndex()] == 1 && p.IsOwnPupilOfHost && model.BaselineOffers[p.Pupil] == p.Offer)
            .ToList();
        foreach (var first in seated)
        {
            foreach (var second in seated.Where(s => s.Offer != first.Offer))
            {
                if (PairOf(model, first.Pupil, second.Offer) is { IsOwnPupilOfHost: true } && PairOf(model, second.Pupil, first.Offer) is { IsOwnPupilOfHost: true })
                {
                    return (first, second);
                }
            }
        }

        throw new InvalidOperationException("The generated instance has no two pupils to swap.");
    }

    private static CandidatePair? PairOf(AllocationModel model, int pupil, int offer) =>
        model.PairsByPupil[pupil].Select(i => model.Pairs[i]).FirstOrDefault(p => p.Offer == offer);

    private static void Swap(AllocationModel model, long[] values, CandidatePair first, CandidatePair second)
    {
        values[first.Place.GetIndex()] = 0;
        values[second.Place.GetIndex()] = 0;
        values[PairOf(model, first.Pupil, second.Offer)!.Place.GetIndex()] = 1;
        values[PairOf(model, second.Pupil, first.Offer)!.Place.GetIndex()] = 1;
        HintBuilder.SetBuses(model, values);
    }
}
