using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Validation;

/// <content>H12: every pupil accounted for exactly once; no empty entry and no unknown pupil, offer or staff id.</content>
public static partial class AllocationChecker
{
    /// <summary>H12: placed or unplaced, never both nor neither; no unknown pupil, offer or staff id anywhere.</summary>
    private static void CheckAccounting(CheckContext context)
    {
        var allocation = context.Allocation;
        var index = context.Index;
        const string Rule = AllocationRuleIds.Accounting;
        var placements = allocation.Placements.NullToEmpty();
        var unplaced = allocation.Unplaced.NullToEmpty();
        CountEmptyEntries(context, "placements", placements.Count(p => p is null));
        CountEmptyEntries(context, "groups", allocation.Groups.NullToEmpty().Count(g => g is null));
        CountEmptyEntries(context, "unplaced pupils", unplaced.Count(u => u is null));
        CountEmptyEntries(context, "bus trips", allocation.BusTrips.NullToEmpty().Count(t => t is null));
        CountEmptyEntries(context, "lottery tickets", allocation.Lottery.NullToEmpty().Count(t => t is null));

        foreach (var placement in placements.Where(p => p is not null))
        {
            var pupil = Show(placement.Pupil.Value);
            if (!index.Pupils.ContainsKey(placement.Pupil))
            {
                context.Add(Rule, pupil, $"A placement names pupil {pupil}, who is not in the problem.");
            }

            if (!index.Offers.ContainsKey(placement.Offer))
            {
                context.Add(Rule, Show(placement.Offer.Value), $"Pupil {pupil} is placed in offer {Show(placement.Offer.Value)}, which is not in the problem.");
            }
        }

        CheckGroupIds(context);

        foreach (var ticket in allocation.Lottery.NullToEmpty().Where(t => t is not null && !index.Pupils.ContainsKey(t.Pupil)))
        {
            context.Add(Rule, Show(ticket.Pupil.Value), $"A lottery ticket names pupil {Show(ticket.Pupil.Value)}, who is not in the problem.");
        }

        CheckEveryPupilOnce(context);
    }

    private static void CheckGroupIds(CheckContext context)
    {
        const string Rule = AllocationRuleIds.Accounting;
        var index = context.Index;
        foreach (var group in context.Allocation.Groups.NullToEmpty().Where(g => g is not null))
        {
            var name = GroupName(group.Offer, group.Group);
            if (!index.Offers.ContainsKey(group.Offer))
            {
                context.Add(Rule, name, $"Group {name} belongs to offer {Show(group.Offer.Value)}, which is not in the problem.");
            }

            foreach (var pupil in group.Pupils.NullToEmpty().Where(p => !index.Pupils.ContainsKey(p)).Distinct())
            {
                context.Add(Rule, name, $"Group {name} lists pupil {Show(pupil.Value)}, who is not in the problem.");
            }

            var staff = group.Staffing.NullToEmpty().Where(e => e is not null).SelectMany(e => e.Staff.NullToEmpty());
            foreach (var unknown in staff.Where(s => !index.Staff.ContainsKey(s)).Distinct())
            {
                context.Add(Rule, name, $"Group {name} is staffed by {Show(unknown.Value)}, who is not in the problem.");
            }
        }
    }

    private static void CheckEveryPupilOnce(CheckContext context)
    {
        const string Rule = AllocationRuleIds.Accounting;
        var placed = context.Allocation.Placements.NullToEmpty().Where(p => p is not null).Select(p => p.Pupil).ToHashSet();
        var unplaced = context.Allocation.Unplaced.NullToEmpty().Where(u => u is not null).GroupBy(u => u.Pupil);
        var listedUnplaced = new HashSet<Domain.PupilId>();
        foreach (var entries in unplaced)
        {
            listedUnplaced.Add(entries.Key);
            var pupil = Show(entries.Key.Value);
            if (!context.Index.Pupils.ContainsKey(entries.Key))
            {
                context.Add(Rule, pupil, $"Pupil {pupil} is listed as unplaced but is not in the problem.");
            }

            if (entries.Count() > 1)
            {
                context.Add(Rule, pupil, $"Pupil {pupil} is listed as unplaced {entries.Count()} times.");
            }

            if (placed.Contains(entries.Key))
            {
                context.Add(Rule, pupil, $"Pupil {pupil} is both placed and listed as unplaced.");
            }
        }

        foreach (var id in context.Index.Pupils.Keys.Where(id => !placed.Contains(id) && !listedUnplaced.Contains(id)).OrderBy(id => id.Value, StringComparer.Ordinal))
        {
            var pupil = Show(id.Value);
            context.Add(Rule, pupil, $"Pupil {pupil} is neither placed nor listed as unplaced.");
        }
    }

    private static void CountEmptyEntries(CheckContext context, string list, int count)
    {
        if (count > 0)
        {
            context.Add(AllocationRuleIds.Accounting, list, $"The allocation's {list} contain {count} empty entries.");
        }
    }
}
