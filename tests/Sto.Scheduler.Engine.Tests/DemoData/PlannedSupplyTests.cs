using Sto.Scheduler.Engine.DemoData;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Serialization;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Engine.Tests.DemoData;

public sealed class PlannedSupplyTests
{
    private static readonly SchedulingProblem Tight = DemoSubregionGenerator.Generate(DemoParameters.LargeSubregion(3));

    private static readonly SchedulingProblem Planned =
        DemoSubregionGenerator.Generate(DemoParameters.LargeSubregion(3) with { SupplyFollowsDemand = true });

    [Fact]
    public void Planned_supply_keeps_the_pupils_and_their_choices()
    {
        Assert.Equal(ProblemJson.Serialize(Tight with { Offers = [], Staff = [] }), ProblemJson.Serialize(Planned with { Offers = [], Staff = [] }));
    }

    [Fact]
    public void Planned_supply_gives_over_demanded_school_offers_more_groups_and_staff_and_stays_valid()
    {
        Assert.Empty(ProblemValidator.Validate(Planned));
        var demand = Planned.Pupils.SelectMany(p => p.Choices).Where(c => c.Rank <= 2).GroupBy(c => c.Offer).ToDictionary(g => g.Key, g => g.Count());
        var grown = Planned.Offers.Zip(Tight.Offers).Where(pair => pair.First.MaxParallelGroups > pair.Second.MaxParallelGroups).ToList();

        Assert.NotEmpty(grown);
        Assert.All(grown, pair =>
        {
            Assert.True(demand[pair.First.Id] > pair.Second.TotalSeats, $"{pair.First.Id} grew without demand");
            Assert.Equal(pair.First.TotalSeats, pair.First.OwnPupilSeats + pair.First.OpenSeats);
            Assert.Contains(Planned.Staff, s => s.Id.Value.StartsWith(pair.First.Id.Value + "-g", StringComparison.Ordinal)
                && s.IsQualifiedTeacher && s.Qualifications.Contains(pair.First.RequiredQualification));
        });
        Assert.All(Planned.Offers.Zip(Tight.Offers).Where(pair => pair.First.MaxParallelGroups == pair.Second.MaxParallelGroups), pair =>
            Assert.Equal(ProblemJson.Serialize(Tight with { Offers = [pair.Second] }), ProblemJson.Serialize(Tight with { Offers = [pair.First] })));
    }
}
