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
