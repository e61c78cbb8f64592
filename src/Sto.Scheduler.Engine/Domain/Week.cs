using System.Globalization;

namespace Sto.Scheduler.Engine.Domain;

/// <summary>An ISO-8601 week such as "2026-W14": the unit in which the afternoon repeats.</summary>
public readonly record struct Week(int Year, int Number) : IComparable<Week>
{
    /// <summary>Parses "YYYY-Www"; returns false for anything else, including week 53 in a 52-week year.</summary>
    public static bool TryParse(string? text, out Week week)
    {
        week = default;
        if (text is null || text.Length != 8 || text[4] != '-' || (text[5] != 'W' && text[5] != 'w'))
        {
            return false;
        }

        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        if (year < 2000 || year > 2200 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        week = new Week(year, number);
        return true;
    }

    /// <summary>Parses "YYYY-Www" or throws <see cref="FormatException"/>.</summary>
    public static Week Parse(string text) =>
        TryParse(text, out var week) ? week : throw new FormatException($"'{text}' is not an ISO week like 2026-W14.");

    /// <summary>True when the week exists in the ISO calendar.</summary>
    public bool IsValid => Year is >= 2000 and <= 2200 && Number >= 1 && Number <= ISOWeek.GetWeeksInYear(Year);

    /// <summary>The calendar date of the given weekday in this week.</summary>
    public DateOnly DateOf(DayOfWeek day) => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Number, day));

    /// <summary>The next ISO week.</summary>
    public Week Next()
    {
        var monday = ISOWeek.ToDateTime(Year, Number, DayOfWeek.Monday).AddDays(7);
        return new Week(ISOWeek.GetYear(monday), ISOWeek.GetWeekOfYear(monday));
    }

    public int CompareTo(Week other) => Year != other.Year ? Year.CompareTo(other.Year) : Number.CompareTo(other.Number);

    public static bool operator <(Week left, Week right) => left.CompareTo(right) < 0;

    public static bool operator >(Week left, Week right) => left.CompareTo(right) > 0;

    public static bool operator <=(Week left, Week right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Week left, Week right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Number:D2}");
}
