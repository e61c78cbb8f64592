using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;
using static System.FormattableString;

namespace Sto.Scheduler.Engine.Validation;

public static partial class ProblemValidator
{
    private static void ValidatePeriod(Context context)
    {
        ValidateWeeks(context);
        if (context.Problem.Afternoon is null)
        {
            context.Add("afternoon", IssueCodes.NullEntry, "The common afternoon is missing.");
            return;
        }

        var afternoon = context.Afternoon;
        Defined(context, afternoon.Weekday, "afternoon.weekday", "The afternoon's weekday");
        if (afternoon.End <= afternoon.Start)
        {
            context.Add(
                "afternoon.end",
                IssueCodes.EndNotAfterStart,
                $"The common afternoon ends at {Time(afternoon.End)}, which is not after its start at {Time(afternoon.Start)}.");
        }
    }

    private static void ValidateWeeks(Context context)
    {
        var weeks = context.Problem.Weeks.NullToEmpty();
        if (weeks.Length == 0)
        {
            context.Add("weeks", IssueCodes.NoWeeks, "The planning period has no weeks; list at least one ISO week such as 2027-W05.");
            return;
        }

        var seen = new HashSet<Week>();
        Week? latest = null;
        for (var i = 0; i < weeks.Length; i++)
        {
            var week = weeks[i];
            var path = Invariant($"weeks[{i}]");
            if (!week.IsValid)
            {
                context.Add(path, IssueCodes.InvalidWeek, $"Week {week} does not exist in the ISO calendar.");
            }
            else if (!seen.Add(week))
            {
                context.Add(path, IssueCodes.DuplicateWeek, $"Week {week} is listed more than once.");
            }
            else if (latest is { } previous && week < previous)
            {
                context.Add(path, IssueCodes.WeeksNotAscending, $"Week {week} is listed after {previous}; list the weeks in ascending order.");
            }
            else
            {
                latest = week;
            }
        }
    }
}
