using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Explanation;
using Sto.Scheduler.Engine.Tests.Support;

namespace Sto.Scheduler.Engine.Tests.Explanation;

/// <summary>Fairness metrics on hand-built allocations with published lottery numbers.</summary>
public sealed class FairnessReportTests
{
    // north-01..03 rank metal then wood; south-01 ranks metal only. metal seats 2.
    private static readonly SchedulingProblem Problem = new ProblemBuilder()
        .School("north")
        .School("south", northKm: -3)
        .Offer("metal", "north", min: 1, max: 2)
        .Offer("wood", "north", min: 1)
        .Pupils(3, "north", "metal", "wood")
        .Pupils(1, "south", "metal")
        .Docent("de-vries", "north", "metal", "wood")
        .Docent("bakker", "north", "metal", "wood")
        .Build() is var problem
            ? problem with { Pupils = [.. problem.Pupils.Select(p => p.Id.Value == "north-03" ? p with { Path = LearningPath.Basic } : p)] }
            : throw new InvalidOperationException();

    [Fact]
    public void FairnessReport_counts_envy_when_a_lower_lottery_number_is_left_out_of_a_group()
    {
        // north-01 (lottery 1) is in wood while north-03 (lottery 3) sits in metal, which both ranked first.
        var allocation = Allocate(metal: ["north-02", "north-03"], wood: ["north-01"]);

        var metrics = FairnessReport.Calculate(Problem, allocation);

        Assert.Equal(1, metrics.JustifiedEnvyCount);
        var pair = Assert.Single(metrics.EnvyPairs);
        Assert.Equal(("north-01", "metal"), (pair.Pupil.Value, pair.Offer.Value));
        Assert.Equal(["north-01"], metrics.EnviousPupils.Select(p => p.Value));
    }

    [Fact]
    public void FairnessReport_finds_no_envy_when_seats_follow_own_pupils_and_the_lottery()
    {
        // south-01 (lottery 4, not an own pupil of north) is left out; nobody in metal has lower priority.
        var allocation = Allocate(metal: ["north-01", "north-02"], wood: ["north-03"]);

        var metrics = FairnessReport.Calculate(Problem, allocation);

        Assert.Equal(0, metrics.JustifiedEnvyCount);
        Assert.Empty(metrics.EnviousPupils);
    }

    [Fact]
    public void FairnessReport_gives_first_choice_rates_per_school_and_learning_path_and_the_worst_rank()
    {
        var allocation = Allocate(metal: ["north-01", "north-02"], wood: ["north-03"]);

        var metrics = FairnessReport.Calculate(Problem, allocation);

        Assert.Equal(0.5, metrics.FirstChoiceRate);
        Assert.Equal(2, metrics.WorstRank);
        Assert.Equal(1, metrics.UnplacedCount);
        Assert.Equal([("north", 3, 2), ("south", 1, 0)], metrics.BySchool.Select(t => (t.Key, t.PupilCount, t.FirstChoiceCount)));
        Assert.Equal([("bb", 1, 0), ("kb", 3, 2)], metrics.ByLearningPath.Select(t => (t.Key, t.PupilCount, t.FirstChoiceCount)));
        Assert.Equal(2.0 / 3, metrics.BySchool[0].Rate, 6);
    }

    [Fact]
    public void FairnessReport_prefers_the_host_schools_own_pupil_at_equal_rank()
    {
        // south-01 has lottery 1 but is not an own pupil of north; north-03 (lottery 4) holds the seat it wanted.
        var allocation = Allocate(metal: ["north-01", "north-03"], wood: ["north-02"], lottery: ["south-01", "north-01", "north-02", "north-03"]);

        var metrics = FairnessReport.Calculate(Problem, allocation);

        Assert.Equal([("north-02", "metal")], metrics.EnvyPairs.Select(p => (p.Pupil.Value, p.Offer.Value)));
    }

    private static Allocation Allocate(string[] metal, string[] wood, string[]? lottery = null)
    {
        lottery ??= ["north-01", "north-02", "north-03", "south-01"];
        var placed = metal.Select(p => (p, "metal", 1)).Concat(wood.Select(p => (p, "wood", 2))).ToArray();
        return new Allocation
        {
            Placements = [.. placed.Select(x => new PupilPlacement { Pupil = new PupilId(x.p), Offer = new OfferId(x.Item2), Rank = x.Item3 })],
            Groups =
            [
                new GroupPlan { Offer = new OfferId("metal"), Pupils = [.. metal.Select(p => new PupilId(p))] },
                new GroupPlan { Offer = new OfferId("wood"), Pupils = [.. wood.Select(p => new PupilId(p))] },
            ],
            Unplaced = [.. lottery.Where(p => !metal.Contains(p) && !wood.Contains(p)).Select(p => new UnplacedPupil { Pupil = new PupilId(p), Reason = "capacity" })],
            Lottery = [.. lottery.Select((p, i) => new LotteryTicket { Pupil = new PupilId(p), Number = i + 1 })],
        };
    }
}
