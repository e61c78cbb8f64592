using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Replanning;
using Sto.Scheduler.Engine.Tests.Solving;
using Sto.Scheduler.Engine.Tests.Support;

namespace Sto.Scheduler.Engine.Tests.Replanning;

/// <summary>A re-plan of a published re-plan: minimal moves again, and last week's movers stay put when others can go.</summary>
public sealed class ReplanChainTests
{
    private static readonly Week Week3 = new(2027, 3);
    private static readonly Week Week4 = new(2027, 4);

    /// <summary>
    /// metal and wood at north's lab, clay at south's lab 2 km away (everyone's third choice). Six pupils rank metal,
    /// wood, clay; four rank wood, metal, clay.
    /// </summary>
    private static SchedulingProblem ThreeElectives() => new ProblemBuilder()
        .School("north")
        .School("south", northKm: 2)
        .Offer("metal", "north", min: 3, max: 10)
        .Offer("wood", "north", min: 3, max: 10)
        .Offer("clay", "south", min: 1, max: 10)
        .Pupils(6, "north", "metal", "wood", "clay")
        .Pupils(4, "north", "wood", "metal", "clay")
        .Docent("de-vries", "north", "metal")
        .Docent("bakker", "north", "wood")
        .Docent("klei", "south", "clay")
        .Build();

    [Fact]
    public void A_replan_of_a_replan_moves_the_minimum_and_not_the_pupils_the_first_replan_moved()
    {
        var problem = ThreeElectives();
        var published = problem.SolveOrFail().Allocation;
        Assert.Equal((6, 4), (published.CountIn("metal"), published.CountIn("wood")));

        // Week 4: metal's only docent is ill, so its six pupils go to wood, their second choice.
        var first = Replanned(ReplanSolver.Replan(
            new ReplanRequest { Problem = problem, Baseline = published, Disruptions = [new Disruption.StaffUnavailable(new StaffId("de-vries"), [Week4])] },
            SolverTestExtensions.Reproducible));
        var firstMovers = first.Diff.PupilMoves.Where(m => m.FromOffer != m.ToOffer).Select(m => m.Pupil).ToHashSet();
        Assert.Equal(6, firstMovers.Count);
        Assert.Equal(10, first.Allocation.CountIn("wood"));

        // Then north's lab can hold only 9 pupils: one pupil must go to clay. The preference tier alone would send one
        // of the six (wood is only their second choice), but they were moved last time, so one of the four goes.
        var second = Replanned(ReplanSolver.Replan(
            new ReplanRequest
            {
                Problem = first.Problem,
                Baseline = first.Allocation,
                Disruptions = [new Disruption.VenueCapacityChanged(new VenueId("north-lab"), [Week3, Week4], 9)],
                RecentlyMoved = [.. firstMovers],
            },
            SolverTestExtensions.Reproducible));

        var move = Assert.Single(second.Diff.PupilMoves.Where(m => m.FromOffer != m.ToOffer));
        Assert.Equal(1, second.Diff.MovedPupilCount);
        Assert.DoesNotContain(move.Pupil, firstMovers);
        Assert.Equal(("wood", "clay"), (move.FromOffer?.Value, move.ToOffer?.Value));
        Assert.Equal((9, 1), (second.Allocation.CountIn("wood"), second.Allocation.CountIn("clay")));
        Assert.Empty(second.Allocation.Unplaced);
    }

    [Fact]
    public void Without_the_repeat_mover_weighting_the_same_second_replan_would_move_a_first_replan_mover()
    {
        var problem = ThreeElectives();
        var published = problem.SolveOrFail().Allocation;
        var first = Replanned(ReplanSolver.Replan(
            new ReplanRequest { Problem = problem, Baseline = published, Disruptions = [new Disruption.StaffUnavailable(new StaffId("de-vries"), [Week4])] },
            SolverTestExtensions.Reproducible));
        var firstMovers = first.Diff.PupilMoves.Where(m => m.FromOffer != m.ToOffer).Select(m => m.Pupil).ToHashSet();

        var second = Replanned(ReplanSolver.Replan(
            new ReplanRequest
            {
                Problem = first.Problem,
                Baseline = first.Allocation,
                Disruptions = [new Disruption.VenueCapacityChanged(new VenueId("north-lab"), [Week3, Week4], 9)],
            },
            SolverTestExtensions.Reproducible));

        var move = Assert.Single(second.Diff.PupilMoves.Where(m => m.FromOffer != m.ToOffer));
        Assert.Contains(move.Pupil, firstMovers);
    }

    private static ReplanOutcome.Replanned Replanned(ReplanOutcome outcome) => Assert.IsType<ReplanOutcome.Replanned>(outcome);
}
