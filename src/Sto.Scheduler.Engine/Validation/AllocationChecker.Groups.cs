using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Validation;

/// <content>The rules about groups and seats: H4, H5, H6.</content>
public static partial class AllocationChecker
{
    /// <summary>H4: placements name running groups, group lists equal the placements in them, one group per offer.</summary>
    private static void CheckGroupMembership(CheckContext context)
    {
        var plans = new Dictionary<(OfferId, int), GroupPlan>();
        foreach (var plan in context.Allocation.Groups.NullToEmpty().Where(g => g is not null))
        {
            var name = GroupName(plan.Offer, plan.Group);
            if (!plans.TryAdd((plan.Offer, plan.Group), plan))
            {
                context.Add(AllocationRuleIds.GroupMembership, name, $"Group {name} is listed more than once.");
            }
        }

        var placed = context.Allocation.Placements.NullToEmpty()
            .Where(p => p is not null)
            .Select(p => (p.Pupil, p.Offer, p.Group))
            .ToHashSet();
        CheckPlacementsAreListed(context, plans);
        CheckListedPupilsArePlaced(context, plans, placed);

        var repeats = context.Allocation.Placements.NullToEmpty()
            .Where(p => p is not null)
            .GroupBy(p => (p.Pupil, p.Offer))
            .Where(g => g.Count() > 1);
        foreach (var repeated in repeats)
        {
            var pupil = Show(repeated.Key.Pupil.Value);
            var offer = Show(repeated.Key.Offer.Value);
            context.Add(AllocationRuleIds.GroupMembership, pupil, $"Pupil {pupil} has {repeated.Count()} placements in offer {offer}; at most one group of an offer is allowed.");
        }
    }

    private static void CheckPlacementsAreListed(CheckContext context, Dictionary<(OfferId, int), GroupPlan> plans)
    {
        // Placements and groups of unknown offers are left to H12 (accounting).
        foreach (var placement in context.Allocation.Placements.NullToEmpty()
            .Where(p => p is not null && context.Index.Offers.ContainsKey(p.Offer)))
        {
            var pupil = Show(placement.Pupil.Value);
            var name = GroupName(placement.Offer, placement.Group);
            if (!plans.TryGetValue((placement.Offer, placement.Group), out var plan))
            {
                context.Add(AllocationRuleIds.GroupMembership, pupil, $"Pupil {pupil} is placed in group {name}, which does not run.");
            }
            else if (!plan.Pupils.NullToEmpty().Contains(placement.Pupil))
            {
                context.Add(AllocationRuleIds.GroupMembership, pupil, $"Pupil {pupil} is placed in group {name} but is missing from its pupil list.");
            }
        }
    }

    private static void CheckListedPupilsArePlaced(
        CheckContext context, Dictionary<(OfferId, int), GroupPlan> plans, HashSet<(PupilId, OfferId, int)> placed)
    {
        foreach (var plan in plans.Values.Where(g => context.Index.Offers.ContainsKey(g.Offer)))
        {
            var name = GroupName(plan.Offer, plan.Group);
            foreach (var listed in plan.Pupils.NullToEmpty().GroupBy(p => p))
            {
                var pupil = Show(listed.Key.Value);
                if (listed.Count() > 1)
                {
                    context.Add(AllocationRuleIds.GroupMembership, name, $"Pupil {pupil} appears {listed.Count()} times in the pupil list of group {name}.");
                }

                if (!placed.Contains((listed.Key, plan.Offer, plan.Group)))
                {
                    context.Add(AllocationRuleIds.GroupMembership, name, $"Pupil {pupil} is on the pupil list of group {name} but has no placement in it.");
                }
            }
        }
    }

    /// <summary>H5: each running group within the offer's size limits; groups numbered 1..G with G ≤ MaxParallelGroups.</summary>
    private static void CheckGroupSizes(CheckContext context)
    {
        foreach (var group in context.Groups)
        {
            var size = group.Size;
            if (size < group.Offer.MinGroupSize || size > group.Offer.MaxGroupSize)
            {
                context.Add(AllocationRuleIds.GroupSize, group.Name, $"Group {group.Name} has {size} pupils; it must have between {group.Offer.MinGroupSize} and {group.Offer.MaxGroupSize}.");
            }
        }

        foreach (var byOffer in context.Groups.GroupBy(g => g.Offer.Id))
        {
            var offer = Show(byOffer.Key.Value);
            var numbers = byOffer.Select(g => g.Plan.Group).Distinct().Order().ToArray();
            var max = byOffer.First().Offer.MaxParallelGroups;
            if (numbers.Length > max)
            {
                context.Add(AllocationRuleIds.GroupSize, offer, $"Offer {offer} runs {numbers.Length} groups; at most {max} may run side by side.");
            }
            else if (!numbers.SequenceEqual(Enumerable.Range(1, numbers.Length)))
            {
                context.Add(AllocationRuleIds.GroupSize, offer, $"Offer {offer} runs groups numbered {string.Join(", ", numbers)}; they must be numbered 1 to {numbers.Length}.");
            }
        }
    }

    /// <summary>H6: pupils from other schools in an offer, over all its groups, within its open seats.</summary>
    private static void CheckOpenSeats(CheckContext context)
    {
        foreach (var byOffer in context.Placements.GroupBy(p => p.Offer.Id))
        {
            var offer = byOffer.First().Offer;
            var others = byOffer
                .Where(p => CandidateFilter.IsFromOtherSchool(p.Pupil, offer))
                .Select(p => p.Pupil.Id)
                .Distinct()
                .Count();
            if (others > offer.OpenSeats)
            {
                var name = Show(offer.Id.Value);
                context.Add(AllocationRuleIds.OpenSeats, name, $"Offer {name} has {others} pupils from other schools but only {offer.OpenSeats} open seats.");
            }
        }
    }
}
