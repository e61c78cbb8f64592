using Sto.Scheduler.Api.V1;

namespace Sto.Scheduler.Client.Cli.Csv;

/// <summary>staff.csv: one staff member per row with qualifications and available weeks (docs/csv-formats.md).</summary>
internal static class StaffCsv
{
    public static readonly string[] Required = ["staff_id", "display_name", "kind", "qualifications"];
    private static readonly string[] Optional = ["qualified_teacher", "employer", "base_site", "available_weeks"];

    public static bool IsKnown(string column) => Required.Contains(column) || Optional.Contains(column);

    public static IReadOnlyList<(StaffMember Staff, CsvRow Row)> Read(CsvTable table, string subregion, string school, CsvValues values)
    {
        var result = new List<(StaffMember, CsvRow)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var id = values.Id(row, "staff_id");
            if (id.Length > 0 && !seen.TryAdd(id, row.Line))
            {
                values.Errors.Add(row.Error("staff_id", $"Staff member '{id}' appears twice (first on line {seen[id]})."));
            }

            var staff = new StaffMember
            {
                Name = $"{school}/staffMembers/{id}",
                DisplayName = values.Required(row, "display_name"),
                Kind = values.Kind(row, "kind"),
                QualifiedTeacher = values.Bool(row, "qualified_teacher"),
                Employer = row["employer"].Trim(),
                BaseSite = row["base_site"].Trim() is { Length: > 0 } site ? Names.SubregionChild(subregion, site, "venues") : "",
            };
            staff.Qualifications.AddRange(CsvValues.List(values.Required(row, "qualifications")));
            staff.AvailableWeeks.AddRange(values.Weeks(row, "available_weeks"));
            result.Add((staff, row));
        }

        return result;
    }

    public static string Write(IReadOnlyList<StaffMember> staff, string subregion)
    {
        var csv = new CsvWriter([.. Required, .. Optional]);
        foreach (var s in staff)
        {
            csv.Row([Names.LastSegment(s.Name), s.DisplayName, CsvValues.KindCode(s.Kind), string.Join(';', s.Qualifications),
                s.QualifiedTeacher ? "true" : "false", s.Employer, Names.Relative(subregion, s.BaseSite), string.Join(';', s.AvailableWeeks)]);
        }

        return csv.ToString();
    }

    public static string? Column(string field) => field.Split('.', '[')[0] switch
    {
        "name" => "staff_id",
        "display_name" => "display_name",
        "kind" => "kind",
        "qualified_teacher" => "qualified_teacher",
        "employer" => "employer",
        "base_site" => "base_site",
        "qualifications" => "qualifications",
        "available_weeks" => "available_weeks",
        _ => null,
    };
}
