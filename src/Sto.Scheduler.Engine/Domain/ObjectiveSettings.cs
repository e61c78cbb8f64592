using System.Collections.Immutable;

namespace Sto.Scheduler.Engine.Domain;

/// <summary>
/// What "a good allocation" means, tier by tier (issue 2, ANCHORS §5):
/// 1 fewest unplaced pupils; 2 lowest convex rank cost (rank-maximal in spirit: a 1st and a 3rd beat two 2nds
/// only when the costs say so); 3 fewest buses and least travel; 4 fewest groups and staff-afternoons;
/// 5 priority: host schools' own pupils first on their reserved seats, then the published lottery.
/// </summary>
public sealed record ObjectiveSettings
{
    public ObjectiveMode Mode { get; init; } = ObjectiveMode.Lexicographic;

    /// <summary>
    /// The largest cost a rank may have: the combined tier weighs an unplaced pupil above all rank costs together and
    /// the priority tier multiplies that by pupils², which must stay well inside CP-SAT's exact integer range.
    /// </summary>
    public const int MaxRankCostValue = 10_000;

    /// <summary>Cost of a placement at rank 1, 2, 3 … (convex); ranks beyond the list cost the last entry.</summary>
    public ImmutableArray<int> RankCosts { get; init; } = [0, 1, 3, 6, 10, 15];

    /// <summary>
    /// Rank-maximal preference (lexicographic mode only) instead of the rank-cost sum: after placing as many pupils as
    /// possible, as many first choices as possible, then as many second choices, … up to the
    /// <see cref="RankMaximalRanks"/>th (the greedy profile of ANCHORS §5, lesson 1). Costs more solve time: one tier per
    /// rank. <see cref="RankCosts"/> then only weigh the priority tie-break.
    /// </summary>
    public bool RankMaximal { get; init; }

    /// <summary>How many ranks the rank-maximal tiers count one by one (pupils choose 3–6 electives).</summary>
    public const int RankMaximalRanks = 5;

    /// <summary>Cost of an unplaced pupil in <see cref="ObjectiveMode.Weighted"/> mode.</summary>
    public int UnplacedWeight { get; init; } = 1000;

    /// <summary>Weight of the rank cost in weighted mode.</summary>
    public int PreferenceWeight { get; init; } = 10;

    /// <summary>A bus-afternoon expressed in pupil travel minutes, inside tier 3.</summary>
    public int BusCostInTravelMinutes { get; init; } = 120;

    /// <summary>Weight of tier 3 (bus-minutes) in weighted mode.</summary>
    public int TravelWeight { get; init; } = 1;

    /// <summary>A running group-afternoon expressed in staff-afternoons, inside tier 4.</summary>
    public int GroupCostInStaffAfternoons { get; init; } = 1;

    /// <summary>Weight of tier 4 in weighted mode.</summary>
    public int StaffingWeight { get; init; } = 5;

    /// <summary>The cost of a placement at the given rank (1-based).</summary>
    public int RankCost(int rank)
    {
        if (RankCosts.IsDefaultOrEmpty)
        {
            return (rank - 1) * rank / 2;
        }

        return RankCosts[Math.Clamp(rank - 1, 0, RankCosts.Length - 1)];
    }
}
