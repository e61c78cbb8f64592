using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Decoding;

/// <summary>
/// Computes the exact tier values of an allocation from the allocation itself (docs/rules.md "Exact tier values"),
/// independent of the solver: the CP-SAT model minimises these numbers, and tests compare the two. Only placements
/// whose pupil and offer exist in the problem count; the checker reports the others.
/// </summary>
public static partial class ObjectiveCalculator
{
    /// <summary>Computes every tier; all sums use checked <see cref="long"/> arithmetic.</summary>
    public static TierValues Calculate(SchedulingProblem problem, Allocation allocation)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(allocation);
        var index = ProblemIndex.Build(problem);
        var placements = PlacementFacts.Resolve(index, allocation.Placements);
        var objective = problem.Rules.Objective;
        return new TierValues(
            Placement(index, placements),
            Preference(placements, objective),
            Travel(index, allocation, placements, objective),
            Staffing(index, allocation, objective),
            Priority(index, placements, objective));
    }

    /// <summary>
    /// The placements at one rank (1 = first choice), counting only placements whose pupil and offer exist: a
    /// rank-maximal tier's value is minus this number.
    /// </summary>
    public static long PlacementsAtRank(SchedulingProblem problem, Allocation allocation, int rank)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(allocation);
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        var index = ProblemIndex.Build(problem);
        return PlacementFacts.Resolve(index, allocation.Placements).Count(p => p.Placement.Rank == rank);
    }

    /// <summary>placement = the number of pupils of the problem with no placement.</summary>
    private static long Placement(ProblemIndex index, ImmutableArray<KnownPlacement> placements)
    {
        var perPupil = placements.GroupBy(p => p.Pupil.Id).ToDictionary(g => g.Key, g => g.Count());
        long unplaced = index.Pupils.Keys.Count(id => !perPupil.ContainsKey(id));
        long k = Math.Max(1, index.Problem.Rules.MaxPlacementsPerPupil);
        if (k == 1)
        {
            return unplaced;
        }

        // k > 1: fewest pupils without any elective first, then fewest missing placements.
        long n = index.Pupils.Count;
        var missing = index.Pupils.Keys.Sum(id => k - Math.Min(k, perPupil.GetValueOrDefault(id)));
        return checked((unplaced * ((k * n) + 1)) + missing);
    }

    /// <summary>preference = Σ over placements of cost(rank), cost = <see cref="ObjectiveSettings.RankCost"/>.</summary>
    private static long Preference(ImmutableArray<KnownPlacement> placements, ObjectiveSettings objective)
    {
        long total = 0;
        foreach (var known in placements)
        {
            total = checked(total + objective.RankCost(known.Placement.Rank));
        }

        return total;
    }

    /// <summary>
    /// travel = BusCostInTravelMinutes × Σ over bus trips of BusCount + Σ over placements p→o, over the sessions of
    /// o, of 2 × one-way minutes of p's trip (on site 0).
    /// </summary>
    private static long Travel(
        ProblemIndex index, Allocation allocation, ImmutableArray<KnownPlacement> placements, ObjectiveSettings objective)
    {
        long buses = 0;
        foreach (var trip in allocation.BusTrips.NullToEmpty())
        {
            buses = checked(buses + (trip?.BusCount ?? 0));
        }

        var total = checked(objective.BusCostInTravelMinutes * buses);
        foreach (var known in placements)
        {
            total = checked(total + PlacementFacts.RoundTripMinutes(index, known.Pupil, known.Offer));
        }

        return total;
    }

    /// <summary>
    /// staffing = Σ over groups and their staffed weeks of the number of (distinct) staff + GroupCostInStaffAfternoons
    /// × Σ over running groups of |weeks(o)|. Groups of unknown offers count their staff but no weeks.
    /// </summary>
    private static long Staffing(ProblemIndex index, Allocation allocation, ObjectiveSettings objective)
    {
        long staff = 0;
        long groupWeeks = 0;
        foreach (var group in allocation.Groups.NullToEmpty())
        {
            if (group is null)
            {
                continue;
            }

            foreach (var week in group.Staffing.NullToEmpty())
            {
                staff = checked(staff + PlacementFacts.StaffCount(week));
            }

            if (index.Offers.TryGetValue(group.Offer, out var offer))
            {
                groupWeeks = checked(groupWeeks + PlacementFacts.MeetingWeeks(offer).Length);
            }
        }

        return checked(staff + (objective.GroupCostInStaffAfternoons * groupWeeks));
    }
}
