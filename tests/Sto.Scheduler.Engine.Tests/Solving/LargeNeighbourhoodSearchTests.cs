using Sto.Scheduler.Engine.DemoData;
using Sto.Scheduler.Engine.Decoding;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;
using Sto.Scheduler.Engine.Modeling;
using Sto.Scheduler.Engine.Solving;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Engine.Tests.Solving;

public sealed class LargeNeighbourhoodSearchTests
{
    private static readonly SchedulingProblem Problem = DemoSubregionGenerator.Generate(DemoParameters.Subregion(4) with { PupilCount = 120, SchoolCount = 3, OfferCount = 20, CompanyHotspotCount = 2 });

    [Fact]
    public void The_search_never_returns_a_plan_worse_than_its_start_and_every_plan_keeps_the_hard_rules()
    {
        var (model, start) = ModelAndGreedyPlan();
        var expression = model.Tiers[0].Expression;
        var startValue = TierObjective.Evaluate(expression, start);
        var search = new LargeNeighbourhoodSearch(model, expression, randomSeed: 3) { MinOffers = 2, Workers = 1 };

        var (solution, value) = search.Improve(start, TimeSpan.FromSeconds(3), CancellationToken.None);

        Assert.True(search.Steps > 0);
        Assert.True(value <= startValue);
        Assert.Equal(value, TierObjective.Evaluate(expression, solution));
        Assert.Empty(AllocationChecker.Check(Problem, SolutionDecoder.Decode(model, solution)));
    }

    [Fact]
    public void Fixing_a_neighbourhood_leaves_the_real_model_untouched()
    {
        var (model, start) = ModelAndGreedyPlan();
        var domains = model.Model.Model.Variables.Select(v => string.Join(',', v.Domain)).ToList();
        var search = new LargeNeighbourhoodSearch(model, model.Tiers[0].Expression, randomSeed: 5) { MinOffers = 2, Workers = 1 };

        search.Improve(start, TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.Equal(domains, model.Model.Model.Variables.Select(v => string.Join(',', v.Domain)).ToList());
    }

    [Fact]
    public void A_neighbourhood_seeded_by_chosen_pupils_starts_from_an_offer_one_of_them_chose()
    {
        var (model, start) = ModelAndGreedyPlan();
        var unplaced = Enumerable.Range(0, model.Pupils.Length)
            .Where(p => model.PairsByPupil[p].Count > 0 && model.PairsByPupil[p].All(i => start[model.Pairs[i].Place.GetIndex()] == 0)
                && model.PairsByPupil[p].Any(i => model.OptionVars[model.Pairs[i].Offer] is not null))
            .ToList();
        Assert.NotEmpty(unplaced);
        var chosen = unplaced[^1];
        var choices = model.PairsByPupil[chosen].Select(i => model.Pairs[i].Offer).ToHashSet();

        for (var seed = 0; seed < 20; seed++)
        {
            var picker = new NeighbourhoodPicker(model, new Random(seed), p => p == chosen);
            Assert.True(picker.PickOffers(start, 2).Overlaps(choices));
        }
    }

    [Fact]
    public void Seed_offers_chosen_by_the_caller_start_the_neighbourhood_and_an_empty_choice_falls_back()
    {
        var (model, start) = ModelAndGreedyPlan();
        var live = Enumerable.Range(0, model.Offers.Length).Where(o => model.OptionVars[o] is not null).ToList();
        var target = live[^1];

        var chosen = new NeighbourhoodPicker(model, new Random(1), seedOffers: (_, _) => [target]).PickOffers(start, 3);
        var fallback = new NeighbourhoodPicker(model, new Random(1), seedOffers: (_, _) => []).PickOffers(start, 3);

        Assert.Contains(target, chosen);
        Assert.NotEmpty(fallback);
    }

    private static (AllocationModel Model, long[] Start) ModelAndGreedyPlan()
    {
        var model = AllocationModelBuilder.Build(Problem, ProblemIndex.Build(Problem));
        var (_, _, flowOffers) = FlowBound.Compute(model);
        return (model, HintBuilder.FromGreedy(model, flowOffers).Values);
    }
}
