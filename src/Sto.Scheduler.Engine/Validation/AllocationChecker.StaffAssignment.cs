using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Validation;

/// <content>H9: every assigned staff member may staff the offer, is available, in one group a week and can get there.</content>
public static partial class AllocationChecker
{
    /// <summary>
    /// H9: <see cref="StaffRules.CanStaff"/>, available in the week, at most one group per week, and
    /// <see cref="StaffRules.CanReach"/> for every session of the offer that week. Unknown staff ids are H12.
    /// </summary>
    private static void CheckStaffAssignment(CheckContext context)
    {
        var groupsByStaffWeek = new Dictionary<(StaffId Staff, Week Week), List<string>>();
        foreach (var group in context.Groups)
        {
            foreach (var entry in group.Plan.Staffing.NullToEmpty().Where(e => e is not null))
            {
                foreach (var listed in entry.Staff.NullToEmpty().GroupBy(id => id))
                {
                    var subject = FormattableString.Invariant($"{Show(listed.Key.Value)}@{entry.Week}");
                    if (listed.Count() > 1)
                    {
                        context.Add(AllocationRuleIds.StaffAssignment, subject, $"Staff member {Show(listed.Key.Value)} is listed {listed.Count()} times for group {group.Name} in week {entry.Week}.");
                    }

                    if (!context.Index.Staff.TryGetValue(listed.Key, out var staff))
                    {
                        continue;
                    }

                    var key = (listed.Key, entry.Week);
                    if (!groupsByStaffWeek.TryGetValue(key, out var groups))
                    {
                        groupsByStaffWeek[key] = groups = [];
                    }

                    groups.Add(group.Name);
                    CheckOneAssignment(context, group, entry.Week, staff, subject);
                }
            }
        }

        foreach (var ((staffId, week), groups) in groupsByStaffWeek.Where(g => g.Value.Count > 1))
        {
            var name = Show(staffId.Value);
            context.Add(AllocationRuleIds.StaffAssignment, FormattableString.Invariant($"{name}@{week}"), $"Staff member {name} is in {groups.Count} groups in week {week} ({string.Join(", ", groups)}); at most one is allowed.");
        }
    }

    private static void CheckOneAssignment(CheckContext context, RunningGroup group, Week week, StaffMember staff, string subject)
    {
        var name = Show(staff.Id.Value);
        if (!StaffRules.CanStaff(staff, group.Offer, context.Rules))
        {
            context.Add(AllocationRuleIds.StaffAssignment, subject, $"Staff member {name} may not staff group {group.Name}: it needs qualification {group.Offer.RequiredQualification} or elective {group.Offer.ElectiveCode}{(context.Rules.StaffWorkForOwnProviderOnly && !StaffRules.WorksFor(staff, group.Offer) ? ", and staff work only for their own provider" : "")}.");
        }

        if (!staff.IsAvailableIn(week))
        {
            context.Add(AllocationRuleIds.StaffAssignment, subject, $"Staff member {name} is not available in week {week} but staffs group {group.Name}.");
        }

        var afternoon = context.Problem.Afternoon;
        foreach (var session in group.Offer.Sessions.NullToEmpty().Where(s => s is not null && s.Week == week))
        {
            if (StaffRules.CanReach(staff, session, afternoon, context.Index.Travel))
            {
                continue;
            }

            var venue = Show(session.Venue.Value);
            var known = context.Index.Travel.Knows(staff.BaseSite) && context.Index.Travel.Knows(session.Venue.Value);
            var travel = known
                ? FormattableString.Invariant($"{context.Index.Travel.StaffMinutes(staff.BaseSite, session.Venue)} minutes each way by car")
                : "no known route";
            context.Add(AllocationRuleIds.StaffAssignment, subject, $"Staff member {name} cannot get from {Show(staff.BaseSite)} to venue {venue} and back within the afternoon {afternoon.Start:HH:mm}–{afternoon.End:HH:mm} for the session {session.Start:HH:mm}–{session.End:HH:mm} of week {week} ({travel}).");
        }
    }
}
