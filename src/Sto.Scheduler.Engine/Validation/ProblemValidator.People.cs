using Sto.Scheduler.Engine.Feasibility;
using static System.FormattableString;

namespace Sto.Scheduler.Engine.Validation;

public static partial class ProblemValidator
{
    private static void ValidateStaff(Context context)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (staff, path) in context.Entries(context.Problem.Staff, "staff"))
        {
            CheckUniqueId(context, seen, staff.Id.Value, $"{path}.id", "Staff member");
            var name = $"staff member {Quote(staff.Id.Value)}";
            RequireText(context, staff.Name, $"{path}.name", $"The name of {name}");
            Defined(context, staff.Kind, $"{path}.kind", "Staff kind");
            CheckReference(context, staff.BaseSite, context.SiteIds, $"{path}.baseSite", name, "base site", IssueCodes.UnknownSite, "school or venue");
            var weeks = staff.AvailableWeeks.NullToEmpty();
            for (var i = 0; i < weeks.Length; i++)
            {
                InPeriod(context, weeks[i], Invariant($"{path}.availableWeeks[{i}]"), $"{name} is available in");
            }

            var qualifications = staff.Qualifications.NullToEmpty();
            for (var i = 0; i < qualifications.Length; i++)
            {
                RequireText(context, qualifications[i], Invariant($"{path}.qualifications[{i}]"), $"A qualification of {name}");
            }
        }
    }

    private static void ValidatePupils(Context context)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (pupil, path) in context.Entries(context.Problem.Pupils, "pupils"))
        {
            CheckUniqueId(context, seen, pupil.Id.Value, $"{path}.id", "Pupil");
            var name = $"pupil {Quote(pupil.Id.Value)}";
            CheckReference(context, pupil.School.Value, context.SchoolIds, $"{path}.school", name, "school", IssueCodes.UnknownSchool, "school");
            Defined(context, pupil.Path, $"{path}.path", "Learning path");
            SchoolYear(context, pupil.Year, $"{path}.year", $"The school year of {name}");
            CheckChoices(context, pupil, path, name);
        }
    }
}
