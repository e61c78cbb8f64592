using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Explanation;

/// <summary>
/// The staff who could staff an offer in one week, counted by why they cannot come: absent that week, unable to
/// reach the venue and back within the afternoon, or busy with another group per the allocation; the rest are free.
/// </summary>
internal readonly record struct StaffSupply(int CanStaff, int Absent, int OutOfReach, int Busy, int FreeCounting, int FreeQualifiedDocents)
{
    public static StaffSupply For(ExplanationContext context, ElectiveOffer offer, Week week)
    {
        var sessions = ExplanationContext.SessionsIn(offer, week);
        int canStaff = 0, absent = 0, outOfReach = 0, busy = 0, counting = 0, docents = 0;
        foreach (var staff in context.Index.Staff.Values.Where(s => StaffRules.CanStaff(s, offer, context.Problem.Rules)))
        {
            canStaff++;
            if (!staff.IsAvailableIn(week))
            {
                absent++;
            }
            else if (!sessions.All(s => StaffRules.CanReach(staff, s, context.Problem.Afternoon, context.Index.Travel)))
            {
                outOfReach++;
            }
            else if (context.IsBusy(staff.Id, week))
            {
                busy++;
            }
            else
            {
                counting += StaffRules.CountsForRatio(staff, context.Rules) ? 1 : 0;
                docents += StaffRules.IsQualifiedDocent(staff) ? 1 : 0;
            }
        }

        return new StaffSupply(canStaff, absent, outOfReach, busy, counting, docents);
    }

    /// <summary>True when the free staff give <paramref name="needed"/> staff counting for the ratio and, if required, a qualified docent.</summary>
    public bool Covers(int needed, bool docentRequired) =>
        FreeCounting >= needed && (!docentRequired || FreeQualifiedDocents > 0);
}
