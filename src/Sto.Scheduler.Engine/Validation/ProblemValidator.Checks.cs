using System.Globalization;
using Sto.Scheduler.Engine.Domain;
using static System.FormattableString;

namespace Sto.Scheduler.Engine.Validation;

public static partial class ProblemValidator
{
    /// <summary>Reports a missing id or one with whitespace; true when the id is usable.</summary>
    private static bool CheckId(Context context, string? id, string path, string noun)
    {
        if (string.IsNullOrEmpty(id))
        {
            context.Add(path, IssueCodes.MissingId, $"{noun} has no id.");
            return false;
        }

        if (id.Any(char.IsWhiteSpace))
        {
            context.Add(path, IssueCodes.InvalidId, $"{noun} id {Quote(id)} contains whitespace; ids may not contain spaces, tabs or line breaks.");
        }

        return true;
    }

    /// <summary>Checks the id and that no earlier entry of the collection has it.</summary>
    private static void CheckUniqueId(Context context, Dictionary<string, string> seen, string? id, string path, string noun)
    {
        if (!CheckId(context, id, path, noun) || id is null)
        {
            return;
        }

        if (!seen.TryAdd(id, path))
        {
            context.Add(path, IssueCodes.DuplicateId, $"{noun} id {Quote(id)} is already used by {seen[id]}.");
        }
    }

    /// <summary>Reports a null, empty or blank text.</summary>
    private static void RequireText(Context context, string? value, string path, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            context.Add(path, IssueCodes.MissingValue, $"{what} is empty.");
        }
    }

    /// <summary>
    /// Reports a missing or unknown reference, e.g. "venue 'lab' has school 'west', but no school has that id";
    /// true when the reference names a known id.
    /// </summary>
    private static bool CheckReference(Context context, string? id, ISet<string> known, string path, string owner, string role, string unknownCode, string kind)
    {
        if (string.IsNullOrEmpty(id))
        {
            context.Add(path, IssueCodes.MissingValue, $"{owner} has no {role}.");
            return false;
        }

        if (!known.Contains(id))
        {
            context.Add(path, unknownCode, $"{owner} has {role} {Quote(id)}, but no {kind} has that id.");
            return false;
        }

        return true;
    }

    private static void AtLeast(Context context, long value, long minimum, string path, string what)
    {
        if (value < minimum)
        {
            context.Add(path, IssueCodes.ValueOutOfRange, Invariant($"{what} is {value}; it must be at least {minimum}."));
        }
    }

    private static void AtLeast(Context context, double value, double minimum, string path, string what)
    {
        if (!double.IsFinite(value) || value < minimum)
        {
            context.Add(path, IssueCodes.ValueOutOfRange, Invariant($"{what} is {value}; it must be a finite number of at least {minimum}."));
        }
    }

    private static void Positive(Context context, double value, string path, string what)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            context.Add(path, IssueCodes.ValueOutOfRange, Invariant($"{what} is {value}; it must be a finite number above 0."));
        }
    }

    private static void SchoolYear(Context context, int year, string path, string what)
    {
        if (year is < 1 or > 6)
        {
            context.Add(path, IssueCodes.ValueOutOfRange, Invariant($"{what} is {year}; school years run from 1 to 6."));
        }
    }

    private static void Defined<TEnum>(Context context, TEnum value, string path, string what)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            context.Add(path, IssueCodes.InvalidEnumValue, Invariant($"{what} {value} is not one of {string.Join(", ", Enum.GetNames<TEnum>())}."));
        }
    }

    /// <summary>Reports a week that is not one of the planning period's weeks, e.g. "offer 'x' meets in 2027-W08, …".</summary>
    private static void InPeriod(Context context, Week week, string path, string fact)
    {
        if (!context.PeriodWeeks.Contains(week))
        {
            context.Add(path, IssueCodes.WeekOutsidePeriod, $"{fact} {week}, which is not a week of the planning period.");
        }
    }

    private static string Quote(string? value) => value is null ? "(none)" : $"'{value}'";

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
