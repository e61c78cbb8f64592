using Sto.Scheduler.Engine.Feasibility;
using Sto.Scheduler.Engine.Modeling;
using Sto.Scheduler.Engine.Tests.Support;

namespace Sto.Scheduler.Engine.Tests.Solving;

public sealed class FlowBoundTests
{
    [Fact]
    public void The_flow_fills_first_choices_up_to_the_seats_and_sends_the_rest_to_second_choices()
    {
        var model = Model();

        var (placed, rankCost, offerOfPupil) = FlowBound.Compute(model);

        Assert.Equal(6, placed);
        Assert.Equal(2, rankCost); // two pupils at rank 2 (cost 1 each)
        Assert.Equal(4, offerOfPupil.Values.Count(o => model.Offers[o].Id.Value == "metal"));
    }

    [Fact]
    public void Learned_seat_counts_lower_an_offers_capacity_and_move_its_pupils_on()
    {
        var model = Model();
        var metal = Array.FindIndex(model.Offers, o => o.Id.Value == "metal");

        var (placed, rankCost, offerOfPupil) = FlowBound.Compute(model, new Dictionary<int, int> { [metal] = 1 });

        Assert.Equal(6, placed);
        Assert.Equal(5, rankCost);
        Assert.Equal(1, offerOfPupil.Values.Count(o => o == metal));
    }

    [Fact]
    public void A_learned_capacity_never_raises_the_seats()
    {
        var model = Model();
        var metal = Array.FindIndex(model.Offers, o => o.Id.Value == "metal");

        var (_, rankCost, offerOfPupil) = FlowBound.Compute(model, new Dictionary<int, int> { [metal] = 40 });

        Assert.Equal(2, rankCost);
        Assert.Equal(4, offerOfPupil.Values.Count(o => o == metal));
    }

    private static AllocationModel Model()
    {
        var problem = new ProblemBuilder()
            .School("north")
            .Offer("metal", "north", min: 1, max: 4)
            .Offer("wood", "north", min: 1, max: 10)
            .Pupils(6, "north", "metal", "wood")
            .Docent("de-vries", "north", "metal")
            .Docent("bakker", "north", "wood")
            .Build();
        return AllocationModelBuilder.Build(problem, ProblemIndex.Build(problem));
    }
}
