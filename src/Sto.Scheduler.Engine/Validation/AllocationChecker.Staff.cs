using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Validation;

/// <content>The staffing rules: H8 ratio and qualified docent, H9 who may staff where and when.</content>
public static partial class AllocationChecker
{
    /// <summary>
    /// H8: staffing entries exist exactly for the weeks the offer meets; each week enough staff counting for the
    /// ratio (<see cref="StaffRules.RequiredStaff"/>) and, when required, a qualified docent.
    /// </summary>
    private static void CheckStaffPupilRatio(CheckContext context)
    {
        foreach (var group in context.Groups)
        {
            var sessions = group.Offer.Sessions.NullToEmpty().Where(s => s is not null).ToArray();
            var entries = group.Plan.Staffing.NullToEmpty().Where(e => e is not null).ToArray();
            foreach (var byWeek in entries.GroupBy(e => e.Week))
            {
                var subject = FormattableString.Invariant($"{group.Name}@{byWeek.Key}");
                if (byWeek.Count() > 1)
                {
                    context.Add(AllocationRuleIds.StaffPupilRatio, subject, $"Group {group.Name} has {byWeek.Count()} staffing entries for week {byWeek.Key}; exactly one is expected.");
                }

                if (!sessions.Any(s => s.Week == byWeek.Key))
                {
                    context.Add(AllocationRuleIds.StaffPupilRatio, subject, $"Group {group.Name} has staff in week {byWeek.Key}, in which offer {Show(group.Offer.Id.Value)} does not meet.");
                }
            }

            foreach (var inWeek in sessions.GroupBy(s => s.Week))
            {
                var entry = entries.FirstOrDefault(e => e.Week == inWeek.Key);
                CheckWeekStaffing(context, group, inWeek.Key, [.. inWeek], entry);
            }
        }
    }

    private static void CheckWeekStaffing(CheckContext context, RunningGroup group, Week week, Session[] sessions, GroupWeekStaffing? entry)
    {
        var subject = FormattableString.Invariant($"{group.Name}@{week}");
        if (entry is null)
        {
            context.Add(AllocationRuleIds.StaffPupilRatio, subject, $"Group {group.Name} has no staff in week {week}, when its offer meets.");
            return;
        }

        var staff = entry.Staff.NullToEmpty().Distinct()
            .Select(id => context.Index.Staff.GetValueOrDefault(id))
            .OfType<StaffMember>()
            .ToArray();
        var size = group.Size;
        var practical = sessions.Any(s => s.Kind == SessionKind.Practical);
        var required = sessions.Max(s => StaffRules.RequiredStaff(size, s.Kind, context.Rules));
        var counting = staff.Count(s => StaffRules.CountsForRatio(s, context.Rules));
        if (counting < required)
        {
            var kind = practical ? "practical" : "theory";
            context.Add(AllocationRuleIds.StaffPupilRatio, subject, $"Group {group.Name} has {size} pupils in {kind} week {week} and {counting} staff counting for the ratio; it needs {required} (1 per {context.Rules.PupilsPerStaffMember} pupils in practice).");
        }

        if (context.Rules.RequireQualifiedDocentPerGroup && !staff.Any(StaffRules.IsQualifiedDocent))
        {
            context.Add(AllocationRuleIds.StaffPupilRatio, subject, $"Group {group.Name} has no qualified docent in week {week}.");
        }
    }
}
