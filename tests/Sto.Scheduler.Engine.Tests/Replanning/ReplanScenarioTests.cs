using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Replanning;
using Sto.Scheduler.Engine.Tests.Solving;
using Sto.Scheduler.Engine.Tests.Support;

namespace Sto.Scheduler.Engine.Tests.Replanning;

/// <summary>Re-plans with known minimal answers (issue 4).</summary>
public sealed class ReplanScenarioTests
{
    private static readonly Week Week3 = new(2027, 3);
    private static readonly Week Week4 = new(2027, 4);

    private static SchedulingProblem TwoElectives(Func<ProblemBuilder, ProblemBuilder>? extra = null)
    {
        var builder = new ProblemBuilder()
            .School("north")
            .Offer("metal", "north", min: 3, max: 10)
            .Offer("wood", "north", min: 3, max: 10)
            .Pupils(6, "north", "metal", "wood")
            .Pupils(4, "north", "wood", "metal")
            .Docent("de-vries", "north", "metal")
            .Docent("bakker", "north", "wood");
        return (extra is null ? builder : extra(builder)).Build();
    }

    private static ReplanOutcome.Replanned Replan(SchedulingProblem problem, Allocation baseline, params Disruption[] disruptions)
    {
        var outcome = ReplanSolver.Replan(
            new ReplanRequest { Problem = problem, Baseline = baseline, Disruptions = [.. disruptions] },
            SolverTestExtensions.Reproducible);
        return Assert.IsType<ReplanOutcome.Replanned>(outcome);
    }

    [Fact]
    public void An_ill_docent_with_a_free_qualified_colleague_moves_no_pupil()
    {
        var problem = TwoElectives(b => b.Docent("smit", "north", "metal"));
        var baseline = problem.SolveOrFail().Allocation;

        var replanned = Replan(problem, baseline, new Disruption.StaffUnavailable(new StaffId("de-vries"), [Week4]));

        Assert.Equal(0, replanned.Diff.MovedPupilCount);
        Assert.Equal(0, replanned.UnavoidableMoves);
        Assert.Contains(replanned.Diff.StaffChanges, c => c.Week == Week4 && c.Removed.Contains(new StaffId("de-vries")) && c.Added.Contains(new StaffId("smit")));
    }

    [Fact]
    public void An_ill_docent_without_a_replacement_moves_exactly_their_groups_pupils()
    {
        var problem = TwoElectives();
        var baseline = problem.SolveOrFail().Allocation;

        var replanned = Replan(problem, baseline, new Disruption.StaffUnavailable(new StaffId("de-vries"), [Week4]));

        Assert.Equal(6, replanned.Diff.MovedPupilCount);
        Assert.Equal(6, replanned.UnavoidableMoves);
        Assert.All(replanned.Diff.PupilMoves, m => Assert.Equal("metal", m.FromOffer?.Value));
        Assert.Equal(10, replanned.Allocation.CountIn("wood"));
        var kept = replanned.Statistics.Tiers.Single(t => t.Tier == "kept-places");
        Assert.Equal((0L, 0L, true), (kept.Objective, kept.BestBound, kept.IsProvenOptimal));
    }

    [Fact]
    public void A_cancelled_hotspot_week_moves_only_the_pupils_of_the_elective_that_meets_there()
    {
        var hotspot = new Venue
        {
            Id = new VenueId("van-dijk"), Name = "Van Dijk Installatie", Kind = VenueKind.CompanyHotspot,
            Location = new GeoPoint(52.2 + (1 / 111.2), 6.9), WeeklyPupilCapacity = 12,
        };
        var problem = new ProblemBuilder()
            .School("north")
            .Venue(hotspot)
            .Offer("install", "north", min: 3, max: 10, change: o => o with { Sessions = [o.Sessions[0], o.Sessions[1] with { Venue = hotspot.Id }] })
            .Offer("metal", "north", min: 3, max: 10)
            .Offer("wood", "north", min: 3, max: 10)
            .Pupils(5, "north", "install", "wood")
            .Pupils(5, "north", "metal", "wood")
            .Docent("de-vries", "north", "install")
            .Docent("bakker", "north", "metal")
            .Docent("smit", "north", "wood")
            .Build();
        var baseline = problem.SolveOrFail().Allocation;
        Assert.Equal(5, baseline.CountIn("install"));

        var replanned = Replan(problem, baseline, new Disruption.VenueCapacityChanged(hotspot.Id, [Week4], 0));

        Assert.Equal(5, replanned.Diff.MovedPupilCount);
        Assert.Equal(5, replanned.UnavoidableMoves);
        Assert.All(replanned.Diff.PupilMoves, m => Assert.Equal(("install", "wood"), (m.FromOffer?.Value, m.ToOffer?.Value)));
        Assert.Equal(5, replanned.Allocation.CountIn("metal"));
    }

    [Fact]
    public void A_cancelled_offer_moves_its_pupils_with_the_reason_and_keeps_everyone_else()
    {
        var problem = TwoElectives();
        var baseline = problem.SolveOrFail().Allocation;

        var replanned = Replan(problem, baseline, new Disruption.OfferCancelled(new OfferId("wood")));

        Assert.Equal(4, replanned.Diff.MovedPupilCount);
        Assert.All(replanned.Diff.PupilMoves, m => Assert.Equal("offer-cancelled", m.Reason));
        Assert.Equal(10, replanned.Allocation.CountIn("metal"));
    }

    [Fact]
    public void A_pupil_who_drops_out_is_the_only_change()
    {
        var problem = TwoElectives();
        var baseline = problem.SolveOrFail().Allocation;

        var replanned = Replan(problem, baseline, new Disruption.PupilRemoved(new PupilId("north-01")));

        var move = Assert.Single(replanned.Diff.PupilMoves);
        Assert.Equal(("north-01", "pupil-removed"), (move.Pupil.Value, move.Reason));
    }

    [Fact]
    public void A_late_pupil_is_placed_without_moving_anyone()
    {
        var problem = TwoElectives();
        var baseline = problem.SolveOrFail().Allocation;
        var late = problem.Pupils[0] with { Id = new PupilId("north-late") };

        var replanned = Replan(problem, baseline, new Disruption.PupilAdded(late));

        var move = Assert.Single(replanned.Diff.PupilMoves);
        Assert.Equal(("north-late", "pupil-added", "metal"), (move.Pupil.Value, move.Reason, move.ToOffer?.Value));
    }

    /// <summary>
    /// Metal seats 6 and is full with six pupils who would also take wood; north-11 wants metal only. Placing north-11
    /// means moving a metal pupil to wood.
    /// </summary>
    private static SchedulingProblem FullMetalWithOneMore() => new ProblemBuilder()
        .School("north")
        .Offer("metal", "north", min: 3, max: 6)
        .Offer("wood", "north", min: 3, max: 10)
        .Pupils(6, "north", "metal", "wood")
        .Pupils(4, "north", "wood", "metal")
        .Pupils(1, "north", "metal")
        .Docent("de-vries", "north", "metal")
        .Docent("bakker", "north", "wood")
        .Build();

    /// <summary>The plan of the first ten pupils, published with north-11 left out.</summary>
    private static Allocation PublishedWithoutLastPupil(SchedulingProblem problem)
    {
        var last = problem.Pupils[^1].Id;
        var plan = (problem with { Pupils = problem.Pupils[..^1] }).SolveOrFail().Allocation;
        return plan with { Unplaced = [.. plan.Unplaced, new UnplacedPupil { Pupil = last, Reason = "capacity" }] };
    }

    [Fact]
    public void A_pupil_without_a_place_in_the_published_plan_is_not_placed_by_moving_others()
    {
        var problem = FullMetalWithOneMore();
        var baseline = PublishedWithoutLastPupil(problem);
        Assert.Equal(6, baseline.CountIn("metal"));

        var replanned = Replan(problem, baseline, new Disruption.PupilRemoved(new PupilId("north-10")));

        var move = Assert.Single(replanned.Diff.PupilMoves);
        Assert.Equal("north-10", move.Pupil.Value);
        Assert.Contains(replanned.Allocation.Unplaced, u => u.Pupil.Value == "north-11");
        Assert.DoesNotContain(replanned.Diff.PupilMoves, m => m.FromOffer is not null && m.ToOffer is null && m.Reason != "pupil-removed");
    }

    [Fact]
    public void A_pupil_without_a_place_in_the_published_plan_gets_a_free_seat()
    {
        var problem = FullMetalWithOneMore();
        var baseline = PublishedWithoutLastPupil(problem);

        var replanned = Replan(problem, baseline, new Disruption.PupilRemoved(new PupilId("north-01")));

        Assert.Contains(replanned.Allocation.Placements, p => (p.Pupil.Value, p.Offer.Value) == ("north-11", "metal"));
        Assert.Equal(["north-01", "north-11"], replanned.Diff.PupilMoves.Select(m => m.Pupil.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_pupil_who_joins_gets_a_place_even_when_another_pupil_must_move_for_it()
    {
        var problem = FullMetalWithOneMore();
        var joining = problem.Pupils[^1];
        var before = problem with { Pupils = problem.Pupils[..^1] };
        var baseline = before.SolveOrFail().Allocation;

        var replanned = Replan(before, baseline, new Disruption.PupilAdded(joining));

        Assert.Contains(replanned.Allocation.Placements, p => (p.Pupil.Value, p.Offer.Value) == ("north-11", "metal"));
        var moved = Assert.Single(replanned.Diff.PupilMoves.Where(m => m.Pupil.Value != "north-11"));
        Assert.Equal(("metal", "wood"), (moved.FromOffer?.Value, moved.ToOffer?.Value));
        Assert.DoesNotContain(replanned.Diff.PupilMoves, m => m.FromOffer is not null && m.ToOffer is null && m.Reason != "pupil-removed");
    }

    [Fact]
    public void A_pupil_moved_last_week_is_not_moved_again_when_someone_else_can_go()
    {
        // The workshop shrinks by one seat: somebody must give up their place; everybody but one was moved last week.
        var problem = TwoElectives();
        var baseline = problem.SolveOrFail().Allocation;
        var metalPupils = baseline.Placements.Where(p => p.Offer.Value == "metal").Select(p => p.Pupil).ToList();
        var outcome = ReplanSolver.Replan(
            new ReplanRequest
            {
                Problem = problem,
                Baseline = baseline,
                Disruptions = [new Disruption.VenueCapacityChanged(new VenueId("north-lab"), [Week3, Week4], 9)],
                RecentlyMoved = [.. problem.Pupils.Select(p => p.Id).Where(p => p != metalPupils[5])],
            },
            SolverTestExtensions.Reproducible);

        var replanned = Assert.IsType<ReplanOutcome.Replanned>(outcome);
        var moved = Assert.Single(replanned.Diff.PupilMoves.Where(m => m.FromOffer != m.ToOffer));
        Assert.Equal(metalPupils[5], moved.Pupil);
    }

    [Fact]
    public void A_disruption_naming_an_unknown_week_is_reported_as_invalid_input()
    {
        var problem = TwoElectives();
        var baseline = problem.SolveOrFail().Allocation;

        var outcome = ReplanSolver.Replan(
            new ReplanRequest { Problem = problem, Baseline = baseline, Disruptions = [new Disruption.SessionMoved(new OfferId("metal"), Week4, new VenueId("nowhere"), new TimeOnly(13, 30), new TimeOnly(15, 0))] },
            SolverTestExtensions.Reproducible);

        var invalid = Assert.IsType<ReplanOutcome.Invalid>(outcome);
        Assert.Contains(invalid.Issues, i => i.Path.Contains("venue", StringComparison.Ordinal));
    }

    [Fact]
    public void A_disruption_naming_an_unknown_staff_member_or_week_is_refused_with_its_path()
    {
        var problem = TwoElectives();
        var baseline = problem.SolveOrFail().Allocation;

        var outcome = ReplanSolver.Replan(
            new ReplanRequest
            {
                Problem = problem,
                Baseline = baseline,
                Disruptions = [new Disruption.StaffUnavailable(new StaffId("nobody"), [new Week(2027, 30)])],
            },
            SolverTestExtensions.Reproducible);

        var invalid = Assert.IsType<ReplanOutcome.Invalid>(outcome);
        Assert.Equal(["disruptions[0].staff", "disruptions[0].weeks"], invalid.Issues.Select(i => i.Path));
    }
}
