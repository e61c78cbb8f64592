using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sto.Scheduler.Engine.DemoData;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Replanning;
using Sto.Scheduler.Engine.Solving;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Engine.Tests.Replanning;

/// <summary>Re-plans of generated subregions after random disruptions.</summary>
public sealed class ReplanProperties
{
    private static readonly SolverSettings Quick = SolverSettings.Deterministic with { DeterministicTimeLimit = 3 };

    private static SchedulingProblem Small(int seed) => DemoSubregionGenerator.Generate(new DemoParameters
    {
        Seed = seed, PupilCount = 40, SchoolCount = 3, OfferCount = 8, CompanyHotspotCount = 1,
        WeekCount = 4, HolidayWeek = null, RegionSizeKm = 12, KitTypeCount = 1,
    });

    private static Disruption RandomDisruption(SchedulingProblem problem, System.Random random) => random.Next(3) switch
    {
        0 => new Disruption.StaffUnavailable(problem.Staff[random.Next(problem.Staff.Length)].Id, [problem.Weeks[random.Next(problem.Weeks.Length)]]),
        1 => new Disruption.VenueCapacityChanged(problem.Venues[random.Next(problem.Venues.Length)].Id, [problem.Weeks[random.Next(problem.Weeks.Length)]], 0),
        _ => new Disruption.OfferCancelled(problem.Offers[random.Next(problem.Offers.Length)].Id),
    };

    [Property(MaxTest = 10)]
    public Property A_replan_moves_no_pupil_the_minimal_move_objective_says_can_stay() =>
        Prop.ForAll(Gen.Choose(1, 10_000).ToArbitrary(), seed =>
        {
            var problem = Small(seed);
            var baseline = Assert.IsType<SolveOutcome.Solved>(AllocationSolver.Solve(problem, Quick)).Allocation;
            var random = new System.Random(seed);
            var disruptions = Enumerable.Range(0, 1 + random.Next(2)).Select(_ => RandomDisruption(problem, random)).ToArray();

            var outcome = ReplanSolver.Replan(new ReplanRequest { Problem = problem, Baseline = baseline, Disruptions = [.. disruptions] }, Quick);

            var replanned = Assert.IsType<ReplanOutcome.Replanned>(outcome);
            Assert.Empty(AllocationChecker.Check(replanned.Problem, replanned.Allocation));
            var moves = replanned.Statistics.Tiers.Single(t => t.Tier == "moves");
            var present = replanned.Problem.Pupils.Select(p => p.Id).ToHashSet();
            var movedAway = replanned.Diff.PupilMoves.Count(m => m.FromOffer is not null && m.FromOffer != m.ToOffer && present.Contains(m.Pupil));
            Assert.Equal(moves.Objective, movedAway);
            Assert.True(replanned.UnavoidableMoves <= movedAway);
            if (moves.IsProvenOptimal)
            {
                Assert.Equal(replanned.UnavoidableMoves, movedAway);
            }
        });
}
