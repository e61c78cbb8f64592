using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Decoding;

/// <summary>
/// Computes the planner's <see cref="AllocationQuality"/> from an allocation itself, never from solver internals,
/// so the reported quality cannot drift from the plan (STYLE §2.6). Rates are over all pupils of the problem; only
/// placements whose pupil and offer exist count (the checker reports the others).
/// </summary>
public static partial class QualityCalculator
{
    /// <summary>Fills every field of <see cref="AllocationQuality"/>; see each field for its definition.</summary>
    public static AllocationQuality Calculate(SchedulingProblem problem, Allocation allocation)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(allocation);
        var index = ProblemIndex.Build(problem);
        var placements = PlacementFacts.Resolve(index, allocation.Placements);
        var pupilCount = index.Pupils.Count;
        var placed = placements.Select(p => p.Pupil.Id).ToHashSet();
        var firstChoice = placements.Where(p => p.Placement.Rank == 1).Select(p => p.Pupil.Id).ToHashSet();
        var topThree = placements.Where(p => p.Placement.Rank is >= 1 and <= 3).Select(p => p.Pupil.Id).ToHashSet();
        var nearMisses = NearMisses(index, allocation);
        var filter = new CandidateFilter(problem, index);

        return new AllocationQuality
        {
            PupilCount = pupilCount,
            PlacedCount = placed.Count,
            UnplacedCount = pupilCount - placed.Count,
            PlacementsByRank = PlacementsByRank(index, placements),
            FirstChoiceRate = Share(firstChoice.Count, pupilCount),
            TopThreeRate = Share(topThree.Count, pupilCount),
            WorstRank = placements.Select(p => p.Placement.Rank).DefaultIfEmpty(0).Max(),
            RankCost = placements.Aggregate(0L, (sum, p) => checked(sum + problem.Rules.Objective.RankCost(p.Placement.Rank))),
            Schools = Schools(index, placements),
            RunningGroups = RunningGroups(allocation).Count(),
            ClosedOffers = nearMisses.Length,
            GroupFillRate = GroupFillRate(index, allocation),
            StaffAfternoons = RunningGroups(allocation)
                .SelectMany(g => g.Staffing.NullToEmpty())
                .Sum(PlacementFacts.StaffCount),
            BusAfternoons = allocation.BusTrips.NullToEmpty().Sum(t => t?.BusCount ?? 0),
            TravelMinutes = placements.Aggregate(
                0L, (sum, p) => checked(sum + PlacementFacts.RoundTripMinutes(index, p.Pupil, p.Offer))),
            ExternalPlacements = placements.Count(p => filter.IsAwayFromOwnSite(p.Pupil, p.Offer)),
            NearMisses = nearMisses,
        };
    }

    /// <summary>Index r − 1 counts placements at rank r, for r = 1 up to the largest rank any pupil gave or got.</summary>
    private static ImmutableArray<int> PlacementsByRank(ProblemIndex index, ImmutableArray<KnownPlacement> placements)
    {
        var largestChoice = index.Pupils.Values
            .SelectMany(p => p.Choices.NullToEmpty())
            .Select(c => c?.Rank ?? 0)
            .DefaultIfEmpty(0)
            .Max();
        var length = Math.Max(largestChoice, placements.Select(p => p.Placement.Rank).DefaultIfEmpty(0).Max());
        var counts = new int[Math.Max(0, length)];
        foreach (var known in placements.Where(p => p.Placement.Rank >= 1))
        {
            counts[known.Placement.Rank - 1]++;
        }

        return [.. counts];
    }

    /// <summary>
    /// Per school, ordered by school id (ordinal): the schools of the problem and of its pupils. MeanRank is the mean
    /// rank over the placements of the school's pupils.
    /// </summary>
    private static ImmutableArray<SchoolQuality> Schools(ProblemIndex index, ImmutableArray<KnownPlacement> placements)
    {
        var ids = index.Schools.Keys.Concat(index.Pupils.Values.Select(p => p.School))
            .Where(id => id.Value is not null)
            .Distinct()
            .OrderBy(id => id.Value, StringComparer.Ordinal);
        return
        [
            .. ids.Select(id =>
            {
                var pupils = index.Pupils.Values.Count(p => p.School == id);
                var own = placements.Where(p => p.Pupil.School == id).ToArray();
                var first = own.Where(p => p.Placement.Rank == 1).Select(p => p.Pupil.Id).Distinct().Count();
                return new SchoolQuality
                {
                    School = id,
                    PupilCount = pupils,
                    PlacedCount = own.Select(p => p.Pupil.Id).Distinct().Count(),
                    FirstChoiceCount = first,
                    FirstChoiceRate = Share(first, pupils),
                    MeanRank = own.Length == 0 ? 0 : own.Average(p => (double)p.Placement.Rank),
                };
            }),
        ];
    }

    /// <summary>Pupils in running groups / seats (<see cref="ElectiveOffer.MaxGroupSize"/>) of running groups.</summary>
    private static double GroupFillRate(ProblemIndex index, Allocation allocation)
    {
        long pupils = 0;
        long seats = 0;
        foreach (var group in RunningGroups(allocation))
        {
            if (index.Offers.TryGetValue(group.Offer, out var offer))
            {
                pupils += group.Pupils.NullToEmpty().Distinct().Count();
                seats += Math.Max(0, offer.MaxGroupSize);
            }
        }

        return seats == 0 ? 0 : (double)pupils / seats;
    }

    private static IEnumerable<GroupPlan> RunningGroups(Allocation allocation) =>
        allocation.Groups.NullToEmpty().Where(g => g is not null);

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
