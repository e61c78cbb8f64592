using System.Globalization;

namespace Sto.Scheduler.Client.Cli;

/// <summary>ISO weeks as the CLI takes them: "2026-W14", "2026-W06..2026-W16", or several joined by ',' or ';'.</summary>
internal static class WeekRange
{
    public static IReadOnlyList<string> Parse(string? value, string option)
    {
        var result = new List<string>();
        foreach (var part in (value ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryExpand(part, out var weeks))
            {
                throw new CliException(ExitCodes.Usage, $"{option} '{part}': expected an ISO week such as 2026-W14 or a range such as 2026-W06..2026-W16.");
            }

            result.AddRange(weeks);
        }

        return result;
    }

    public static bool TryExpand(string text, out IReadOnlyList<string> weeks)
    {
        weeks = [];
        var parts = text.Split("..");
        if (parts.Length > 2 || !TryParse(parts[0], out var first))
        {
            return false;
        }

        var last = first;
        if (parts.Length == 2 && (!TryParse(parts[1], out last) || last.CompareTo(first) < 0))
        {
            return false;
        }

        var list = new List<string>();
        for (var (year, week) = first; (year, week).CompareTo(last) <= 0;)
        {
            list.Add(string.Create(CultureInfo.InvariantCulture, $"{year}-W{week:00}"));
            (year, week) = week >= ISOWeek.GetWeeksInYear(year) ? (year + 1, 1) : (year, week + 1);
        }

        weeks = list;
        return true;
    }

    private static bool TryParse(string text, out (int Year, int Week) week)
    {
        week = default;
        var t = text.Trim().ToUpperInvariant();
        if (t.Length != 8 || t[4] != '-' || t[5] != 'W'
            || !int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(t.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year is < 2000 or > 2100 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        week = (year, number);
        return true;
    }
}
