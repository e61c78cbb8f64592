using Google.OrTools.Sat;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Modeling;

internal sealed partial class AllocationModelBuilder
{
    /// <summary>The tier expressions of docs/rules.md "Exact tier values", in lexicographic order.</summary>
    private List<(string Name, LinearExpr Expression)> BuildTiers()
    {
        var objective = _problem.Rules.Objective;
        var placement = Placement();
        var preference = LinearExpr.WeightedSum(_pairs.Select(p => p.Place), _pairs.Select(p => (long)objective.RankCost(p.Rank)));
        var travel = Travel(objective);
        var staffing = Staffing(objective);

        if (objective.Mode == ObjectiveMode.Weighted)
        {
            var weighted = (placement * objective.UnplacedWeight) + (preference * objective.PreferenceWeight)
                + (travel * objective.TravelWeight) + (staffing * objective.StaffingWeight);
            return [(TierNames.Weighted, weighted), (TierNames.Priority, Priority(objective))];
        }

        if (objective.RankMaximal)
        {
            return RankMaximalTiers(objective, placement, travel, staffing);
        }

        if (_baseline is not null)
        {
            // Who had a place keeps one before anyone moves; pupils without a place in the published plan are placed
            // only where that moves nobody (the region's cold plan was 9 pupils short of the optimum, and placing
            // them first cost 84 moves against 13 unavoidable). Not one combined tier as in a fresh solve: with the
            // kept-places weight (more than all moves) CP-SAT's bound climbed from −27 M for 11 s and no plan improved.
            return
            [
                (TierNames.KeptPlaces, KeptPlaces()),
                (TierNames.Moves, Moves()),
                (TierNames.Placement, placement),
                (TierNames.Preference, preference),
                (TierNames.Travel, travel),
                (TierNames.Staffing, staffing),
                (TierNames.Priority, Priority(objective)),
            ];
        }

        // Tiers 1 and 2 are solved together: one unplaced pupil costs more than all rank costs together
        // (maxCost × N + 1), which keeps their order exact while sparing a second search.
        var unplacedCost = CombinedUnplacedCost(objective, _pupils.Length);
        return
        [
            (TierNames.PlacementAndPreference, (placement * unplacedCost) + preference),
            (TierNames.Travel, travel),
            (TierNames.Staffing, staffing),
            (TierNames.Priority, Priority(objective)),
        ];
    }

    /// <summary>
    /// Rank-maximal: placement and first choices in one exact tier (an unplaced pupil outweighs every possible first
    /// choice), then one tier per further rank, each maximising its placements; a re-plan keeps its kept-places, moves
    /// and placement tiers in front.
    /// </summary>
    private List<(string Name, LinearExpr Expression)> RankMaximalTiers(ObjectiveSettings objective, LinearExpr placement, LinearExpr travel, LinearExpr staffing)
    {
        var tiers = new List<(string Name, LinearExpr Expression)>();
        var first = 1;
        if (_baseline is not null)
        {
            tiers.Add((TierNames.KeptPlaces, KeptPlaces()));
            tiers.Add((TierNames.Moves, Moves()));
            tiers.Add((TierNames.Placement, placement));
        }
        else
        {
            tiers.Add((TierNames.PlacementAndFirstChoices, (placement * FirstChoicesUnplacedCost(_problem)) - PlacementsAtRank(1)));
            first = 2;
        }

        for (var rank = first; rank <= ObjectiveSettings.RankMaximalRanks; rank++)
        {
            tiers.Add((TierNames.Rank(rank), -PlacementsAtRank(rank)));
        }

        tiers.Add((TierNames.Travel, travel));
        tiers.Add((TierNames.Staffing, staffing));
        tiers.Add((TierNames.Priority, Priority(objective)));
        return tiers;
    }

    private LinearExpr PlacementsAtRank(int rank) => LinearExpr.Sum(_pairs.Where(p => p.Rank == rank).Select(p => p.Place));

    /// <summary>What one unplaced pupil costs in a rank-maximal first tier: more than every placement being a first choice.</summary>
    public static long FirstChoicesUnplacedCost(SchedulingProblem problem) =>
        ((long)Math.Max(1, problem.Rules.MaxPlacementsPerPupil) * problem.Pupils.Length) + 1;

    /// <summary>The names of the tiers <see cref="BuildTiers"/> makes, in order, without building a model.</summary>
    public static IReadOnlyList<string> TierNamesOf(ObjectiveSettings objective, bool replan)
    {
        if (objective.Mode == ObjectiveMode.Weighted)
        {
            return [TierNames.Weighted, TierNames.Priority];
        }

        if (objective.RankMaximal)
        {
            var first = replan ? 1 : 2;
            IEnumerable<string> head = replan ? [TierNames.KeptPlaces, TierNames.Moves, TierNames.Placement] : [TierNames.PlacementAndFirstChoices];
            return
            [
                .. head,
                .. Enumerable.Range(first, ObjectiveSettings.RankMaximalRanks - first + 1).Select(TierNames.Rank),
                TierNames.Travel, TierNames.Staffing, TierNames.Priority,
            ];
        }

        return replan
            ? [TierNames.KeptPlaces, TierNames.Moves, TierNames.Placement, TierNames.Preference, TierNames.Travel, TierNames.Staffing, TierNames.Priority]
            : [TierNames.PlacementAndPreference, TierNames.Travel, TierNames.Staffing, TierNames.Priority];
    }

    /// <summary>What one unplaced pupil costs in the combined first tier: more than all rank costs together.</summary>
    public static long CombinedUnplacedCost(ObjectiveSettings objective, int pupils) => ((long)MaxRankCost(objective) * pupils) + 1;

    private static int MaxRankCost(ObjectiveSettings objective) =>
        Enumerable.Range(1, Math.Max(1, objective.RankCosts.IsDefaultOrEmpty ? 6 : objective.RankCosts.Length)).Max(objective.RankCost);

    /// <summary>SOFT (tier 1) · fewest pupils without a placement.</summary>
    private LinearExpr Placement()
    {
        var n = _pupils.Length;
        if (_problem.Rules.MaxPlacementsPerPupil <= 1)
        {
            return LinearExpr.Constant(n) - LinearExpr.Sum(_pairs.Select(p => p.Place));
        }

        var placed = new List<BoolVar>();
        _isPlaced = new BoolVar?[_pupils.Length];
        for (var p = 0; p < _pupils.Length; p++)
        {
            if (_pairsByPupil[p].Count == 0)
            {
                continue;
            }

            var isPlaced = _model.NewBoolVar($"placed[{_pupils[p].Id}]");
            _model.Add(isPlaced <= LinearExpr.Sum(_pairsByPupil[p].Select(i => _pairs[i].Place)));
            placed.Add(isPlaced);
            _isPlaced[p] = isPlaced;
        }

        // Fewest pupils without any elective first, then fewest missing placements (k per pupil).
        long k = _problem.Rules.MaxPlacementsPerPupil;
        var unplaced = LinearExpr.Constant(n) - LinearExpr.Sum(placed);
        var missing = LinearExpr.Constant(k * n) - LinearExpr.Sum(_pairs.Select(p => p.Place));
        return (unplaced * ((k * n) + 1)) + missing;
    }

    /// <summary>SOFT (tier 3) · fewest bus-afternoons, then least pupil travel.</summary>
    private LinearExpr Travel(ObjectiveSettings objective)
    {
        var minutes = LinearExpr.WeightedSum(_pairs.Select(p => p.Place), _pairs.Select(p => (long)p.TravelMinutes));
        if (_busSlots.Count == 0)
        {
            return minutes;
        }

        var buses = LinearExpr.WeightedSum(_busSlots.Select(b => b.Buses), _busSlots.Select(b => (long)b.Weeks.Count * objective.BusCostInTravelMinutes));
        return buses + minutes;
    }

    /// <summary>SOFT (tier 4) · fewest staff-afternoons and running group-afternoons.</summary>
    private LinearExpr Staffing(ObjectiveSettings objective)
    {
        var builder = LinearExpr.NewBuilder();
        foreach (var slot in _staffSlots)
        {
            builder.AddTerm(slot.Assigned, _weekClasses[slot.WeekClass].Weeks.Count);
        }

        for (var o = 0; o < _offers.Length; o++)
        {
            if (_options[o] is not null)
            {
                builder.Add(GroupCount(o) * ((long)_offers[o].Sessions.Length * objective.GroupCostInStaffAfternoons));
            }
        }

        return builder;
    }

    /// <summary>SOFT (tier 5) · own pupils on the host's reserved seats first, then the better lottery number.</summary>
    private LinearExpr Priority(ObjectiveSettings objective)
    {
        long n = _pupils.Length;
        long unplacedCost = MaxRankCost(objective) + 1;
        var ownBonus = (unplacedCost * n * (n + 1)) + 1;
        var lottery = _index.Lottery;

        // Each pupil's outcome (rank cost, or unplacedCost when left out) weighted by the lottery: the constant is
        // every pupil unplaced, each placement subtracts what it saves.
        var builder = LinearExpr.NewBuilder();
        builder.Add(lottery.Values.Sum(number => (n + 1 - number) * unplacedCost));
        foreach (var pair in _pairs)
        {
            var number = lottery.TryGetValue(_pupils[pair.Pupil].Id, out var value) ? value : (int)n;
            builder.AddTerm(pair.Place, -(n + 1 - number) * (unplacedCost - objective.RankCost(pair.Rank)));
        }

        for (var o = 0; o < _offers.Length; o++)
        {
            var offer = _offers[o];
            var own = _pairsByOffer[o].Where(i => _pairs[i].IsOwnPupilOfHost).ToList();
            if (offer.HostSchool is null || offer.OwnPupilSeats <= 0 || own.Count == 0 || _options[o] is null)
            {
                continue;
            }

            var filled = _model.NewIntVar(0, Math.Min(offer.OwnPupilSeats, own.Count), $"ownSeats[{offer.Id}]");
            _model.Add(filled <= LinearExpr.Sum(own.Select(i => _pairs[i].Place)));
            builder.AddTerm(filled, -ownBonus);
        }

        return builder;
    }
}
