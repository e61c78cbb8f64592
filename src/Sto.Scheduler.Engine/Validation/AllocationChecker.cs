using System.Collections.Immutable;
using Sto.Scheduler.Engine.Decoding;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Validation;

/// <summary>
/// Re-verifies every hard rule H1–H12 of docs/rules.md on an allocation from scratch, independent of how it was
/// found: the solver's word is not enough. Uses the shared rule logic of <c>Feasibility/</c> (CandidateFilter,
/// StaffRules, TravelTable) and <see cref="BusPlanner"/>. Never throws on an inconsistent allocation: unknown ids,
/// empty entries and contradictions become violations.
/// </summary>
public static partial class AllocationChecker
{
    /// <summary>All violations, in rule order H1…H12; empty when the allocation keeps every hard rule.</summary>
    public static ImmutableArray<AllocationViolation> Check(SchedulingProblem problem, Allocation allocation)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(allocation);
        var context = new CheckContext(problem, allocation);
        CheckPlacementsPerPupil(context);
        CheckCandidates(context);
        CheckExternalPlacements(context);
        CheckGroupMembership(context);
        CheckGroupSizes(context);
        CheckOpenSeats(context);
        CheckVenueCapacity(context);
        CheckStaffPupilRatio(context);
        CheckStaffAssignment(context);
        CheckEquipmentKits(context);
        CheckBuses(context);
        CheckAccounting(context);
        return context.Violations.ToImmutable();
    }

    private static string Show(string? id) => string.IsNullOrEmpty(id) ? "(empty id)" : id;

    private static string GroupName(OfferId offer, int group) => FormattableString.Invariant($"{Show(offer.Value)}/{group}");

    /// <summary>A group plan of a known offer: what the rules about running groups look at.</summary>
    private readonly record struct RunningGroup(GroupPlan Plan, ElectiveOffer Offer)
    {
        public int Size => Plan.Pupils.NullToEmpty().Distinct().Count();

        public string Name => GroupName(Plan.Offer, Plan.Group);
    }

    /// <summary>The problem's lookups and the allocation's resolved parts, built once per check.</summary>
    private sealed class CheckContext
    {
        public CheckContext(SchedulingProblem problem, Allocation allocation)
        {
            Problem = problem;
            Allocation = allocation;
            Index = ProblemIndex.Build(problem);
            Filter = new CandidateFilter(problem, Index);
            Placements = PlacementFacts.Resolve(Index, allocation.Placements);
            Groups =
            [
                .. allocation.Groups.NullToEmpty()
                    .Where(g => g is not null)
                    .Select(g => Index.Offers.TryGetValue(g.Offer, out var offer) ? new RunningGroup(g, offer) : default)
                    .Where(g => g.Plan is not null),
            ];
        }

        public SchedulingProblem Problem { get; }

        public Allocation Allocation { get; }

        public ProblemIndex Index { get; }

        public CandidateFilter Filter { get; }

        public RegionRules Rules => Problem.Rules;

        /// <summary>Placements whose pupil and offer are known.</summary>
        public ImmutableArray<KnownPlacement> Placements { get; }

        /// <summary>Group plans whose offer is known.</summary>
        public ImmutableArray<RunningGroup> Groups { get; }

        public ImmutableArray<AllocationViolation>.Builder Violations { get; } =
            ImmutableArray.CreateBuilder<AllocationViolation>();

        public void Add(string rule, string subject, FormattableString message) =>
            Violations.Add(new AllocationViolation(rule, subject, FormattableString.Invariant(message)));
    }
}
