using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Solving;
using Sto.Scheduler.Grpc.Jobs;

namespace Sto.Scheduler.Grpc.Tests.Support;

/// <summary>
/// Places every pupil at their first choice in group 1, staffed by every staff member of the offer's school.
/// When <see cref="HoldUntilCancelled"/> is set it reports progress and waits for cancellation first.
/// </summary>
public sealed class FakeAllocationEngine : IAllocationEngine
{
    public bool HoldUntilCancelled { get; set; }

    /// <summary>How long each solve takes (unless cancelled); zero by default.</summary>
    public TimeSpan SolveTime { get; set; }

    private int _calls;

    public int Calls => _calls;

    /// <summary>The settings of the latest solve (to see e.g. the starting plan a resumed run got).</summary>
    public SolverSettings? LastSettings { get; private set; }

    public SolveOutcome Solve(SchedulingProblem problem, SolverSettings settings, IProgress<SolveProgress>? progress, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        LastSettings = settings;
        progress?.Report(new SolveProgress { Tier = "placement", TierNumber = 1, TierCount = 5, Objective = 3, BestBound = 1, Gap = 0.5, Elapsed = TimeSpan.FromMilliseconds(10) });
        var placements = problem.Pupils
            .Where(p => !p.Choices.IsDefaultOrEmpty)
            .Select(p => new PupilPlacement { Pupil = p.Id, Offer = p.Choices.OrderBy(c => c.Rank).First().Offer, Group = 1, Rank = 1 })
            .ToImmutableArray();
        var groups = placements.GroupBy(p => p.Offer).Select(g =>
        {
            var offer = problem.Offers.Single(o => o.Id == g.Key);
            var staff = problem.Staff.Where(s => offer.HostSchool is { } school && s.Id.Value.StartsWith(school.Value + "/", StringComparison.Ordinal))
                .Select(s => s.Id).ToImmutableArray();
            return new GroupPlan
            {
                Offer = g.Key,
                Group = 1,
                Pupils = [.. g.Select(p => p.Pupil)],
                Staffing = [.. offer.Sessions.Select(s => new GroupWeekStaffing { Week = s.Week, Staff = staff })],
            };
        }).ToImmutableArray();
        var unplaced = problem.Pupils.Where(p => p.Choices.IsDefaultOrEmpty)
            .Select(p => new UnplacedPupil { Pupil = p.Id, Reason = "no-feasible-choice" }).ToImmutableArray();
        var allocation = new Allocation { Placements = placements, Groups = groups, Unplaced = unplaced };
        var quality = new AllocationQuality
        {
            PupilCount = problem.Pupils.Length,
            PlacedCount = placements.Length,
            UnplacedCount = unplaced.Length,
            PlacementsByRank = [placements.Length],
            RunningGroups = groups.Length,
        };
        if (settings.ReportTierPlans)
        {
            var ended = new TierResult { Tier = "placement", Objective = unplaced.Length, BestBound = unplaced.Length, IsProvenOptimal = true };
            progress?.Report(new SolveProgress { Tier = "placement", TierNumber = 1, TierCount = 5, Objective = unplaced.Length, BestBound = unplaced.Length, EndedTier = ended, Plan = allocation });
        }

        if (SolveTime > TimeSpan.Zero)
        {
            cancellationToken.WaitHandle.WaitOne(SolveTime);
        }

        if (HoldUntilCancelled)
        {
            cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(20));
        }

        var status = cancellationToken.IsCancellationRequested ? SolveStatus.Cancelled : SolveStatus.Optimal;
        return new SolveOutcome.Solved(allocation, quality, new SolveStatistics(), status);
    }
}
