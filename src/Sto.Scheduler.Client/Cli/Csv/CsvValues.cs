using System.Globalization;
using Google.Type;
using Sto.Scheduler.Api.V1;

namespace Sto.Scheduler.Client.Cli.Csv;

/// <summary>Typed reads of CSV cells; each failure becomes a <see cref="CsvError"/> that says the expected form.</summary>
internal sealed class CsvValues(List<CsvError> errors)
{
    private static readonly Dictionary<string, LearningPath> Paths = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bb"] = LearningPath.Basic,
        ["kb"] = LearningPath.Advanced,
        ["gl"] = LearningPath.Combined,
        ["tl"] = LearningPath.Theoretical,
        ["nl"] = LearningPath.New,
    };

    private static readonly Dictionary<string, StaffKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["docent"] = StaffKind.Docent,
        ["instructor"] = StaffKind.Instructor,
        ["hybrid-docent"] = StaffKind.HybridDocent,
        ["company-instructor"] = StaffKind.CompanyInstructor,
    };

    public List<CsvError> Errors { get; } = errors;

    public static string PathCode(LearningPath path) => Paths.FirstOrDefault(p => p.Value == path).Key ?? "";

    public static string KindCode(StaffKind kind) => Kinds.FirstOrDefault(k => k.Value == kind).Key ?? "";

    public string Required(CsvRow row, string column)
    {
        var value = row[column].Trim();
        if (value.Length == 0)
        {
            Errors.Add(row.Error(column, "Required; the cell is empty."));
        }

        return value;
    }

    public string Id(CsvRow row, string column)
    {
        var value = Required(row, column);
        if (value.Length > 0 && !IsId(value))
        {
            Errors.Add(row.Error(column, $"'{value}' is not an id; expected 1-63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit, e.g. p0001."));
        }

        return value;
    }

    public int Int(CsvRow row, string column, int min, int? fallback = null)
    {
        var value = row[column].Trim();
        if (value.Length == 0 && fallback is not null)
        {
            return fallback.Value;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min)
        {
            return n;
        }

        Errors.Add(row.Error(column, value.Length == 0 ? $"Required; expected a whole number ≥ {min}." : $"'{value}' is not a whole number ≥ {min}."));
        return 0;
    }

    public bool Bool(CsvRow row, string column)
    {
        var value = row[column].Trim().ToLowerInvariant();
        switch (value)
        {
            case "" or "false" or "no" or "0":
                return false;
            case "true" or "yes" or "1":
                return true;
            default:
                Errors.Add(row.Error(column, $"'{row[column]}' is not true or false."));
                return false;
        }
    }

    public LearningPath Path(CsvRow row, string column, string value)
    {
        if (Paths.TryGetValue(value, out var path))
        {
            return path;
        }

        Errors.Add(row.Error(column, value.Length == 0 ? "Required; expected one of bb, kb, gl, tl, nl." : $"'{value}' is not a learning path; expected one of bb, kb, gl, tl, nl."));
        return LearningPath.Unspecified;
    }

    public StaffKind Kind(CsvRow row, string column)
    {
        var value = row[column].Trim();
        if (Kinds.TryGetValue(value, out var kind))
        {
            return kind;
        }

        Errors.Add(row.Error(column, $"'{value}' is not a staff kind; expected one of docent, instructor, hybrid-docent, company-instructor."));
        return StaffKind.Unspecified;
    }

    public TimeOfDay Time(CsvRow row, string column)
    {
        var value = row[column].Trim();
        if (TimeOnly.TryParseExact(value, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            return new TimeOfDay { Hours = t.Hour, Minutes = t.Minute };
        }

        Errors.Add(row.Error(column, value.Length == 0 ? "Required; expected a time HH:mm, e.g. 13:30." : $"'{value}' is not a time; expected HH:mm, e.g. 13:30."));
        return new TimeOfDay();
    }

    /// <summary>A ';'-separated list, empty entries dropped.</summary>
    public static IReadOnlyList<string> List(string value) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>ISO weeks separated by ';', each a week (2026-W14) or a range (2026-W06..2026-W16).</summary>
    public IReadOnlyList<string> Weeks(CsvRow row, string column)
    {
        var result = new List<string>();
        foreach (var part in List(row[column]))
        {
            if (WeekRange.TryExpand(part, out var weeks))
            {
                result.AddRange(weeks);
            }
            else
            {
                Errors.Add(row.Error(column, $"'{part}' is not an ISO week or range; expected e.g. 2026-W14 or 2026-W06..2026-W16, separated by ';'."));
            }
        }

        return result;
    }

    public static string Time(TimeOfDay? time) =>
        time is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{time.Hours:00}:{time.Minutes:00}");

    private static bool IsId(string value) =>
        value.Length is >= 1 and <= 63
        && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && value[0] != '-' && value[^1] != '-';
}
