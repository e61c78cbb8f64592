using Google.OrTools.Sat;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Modeling;

/// <summary>The CP-SAT model of one problem with its variable containers and tier expressions.</summary>
internal sealed class AllocationModel
{
    public required CpModel Model { get; init; }

    public required ProblemIndex Index { get; init; }

    public required Pupil[] Pupils { get; init; }

    public required ElectiveOffer[] Offers { get; init; }

    public required StaffMember[] Staff { get; init; }

    public required List<CandidatePair> Pairs { get; init; }

    public required List<int>[] PairsByPupil { get; init; }

    public required List<int>[] PairsByOffer { get; init; }

    /// <summary>Per offer its options (null when the offer cannot run at all).</summary>
    public required List<GroupOption>?[] Options { get; init; }

    public required BoolVar[]?[] OptionVars { get; init; }

    public required List<WeekClass> WeekClasses { get; init; }

    public required List<StaffSlot> StaffSlots { get; init; }

    public required List<StaffType> StaffTypes { get; init; }

    public required List<BusSlot> BusSlots { get; init; }

    /// <summary>Tier name → expression to minimise, in order.</summary>
    public required List<(string Name, LinearExpr Expression)> Tiers { get; init; }

    /// <summary>Offers that can never run, with the reason (for explanations and reports).</summary>
    public required Dictionary<int, string> DeadOffers { get; init; }

    /// <summary>The allocation a re-plan starts from; null for a fresh allocation.</summary>
    public ReplanBaseline? Baseline { get; init; }

    /// <summary>The published allocation of a re-plan (for the starting hint); null for a fresh allocation.</summary>
    public Domain.Allocation? BaselineAllocation => Baseline?.Allocation;

    /// <summary>Pupils of the baseline who cannot keep their offer whatever the plan (a lower bound on moves).</summary>
    public IReadOnlyList<PupilId> ForcedMoves { get; init; } = [];

    /// <summary>In a re-plan, per pupil (model index) what leaving their published offer costs in the moves tier (0 = not in it).</summary>
    public IReadOnlyList<long> MoveWeights { get; init; } = [];

    /// <summary>In a re-plan, per pupil the model index of their published offer when it is still a candidate, else −1.</summary>
    public IReadOnlyList<int> BaselineOffers { get; init; } = [];

    /// <summary>In a re-plan, per pupil the first tier protects who has a candidate offer: their "is placed" (0/1) expression.</summary>
    public IReadOnlyList<LinearExpr> ProtectedPlacements { get; init; } = [];

    /// <summary>In a re-plan, the pupils the first tier protects who have no candidate offer left: lost in any plan.</summary>
    public int ProtectedWithoutChoice { get; init; }

    /// <summary>Number of running groups of an offer, as an expression over its option literals.</summary>
    public LinearExpr GroupCount(int offer)
    {
        var options = Options[offer];
        var vars = OptionVars[offer];
        if (options is null || vars is null)
        {
            return LinearExpr.Constant(0);
        }

        return LinearExpr.WeightedSum(vars, options.Select(o => (long)o.Groups));
    }
}
