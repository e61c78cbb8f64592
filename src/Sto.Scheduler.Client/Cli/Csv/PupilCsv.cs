using System.Text.RegularExpressions;
using Sto.Scheduler.Api.V1;

namespace Sto.Scheduler.Client.Cli.Csv;

/// <summary>choices.csv: one pupil per row with ranked choices in choice_1, choice_2, … (docs/csv-formats.md).</summary>
internal static partial class PupilCsv
{
    public static readonly string[] Required = ["pupil_id", "learning_path", "year"];
    private static readonly string[] Optional = ["profile", "completed"];

    public static bool IsKnown(string column) => Required.Contains(column) || Optional.Contains(column) || ChoiceColumn().IsMatch(column);

    public static IReadOnlyList<(Pupil Pupil, CsvRow Row)> Read(CsvTable table, string subregion, string school, CsvValues values)
    {
        var choiceColumns = table.Header.Select(h => h.Trim()).Where(h => ChoiceColumn().IsMatch(h))
            .OrderBy(h => int.Parse(h[7..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        for (var k = 0; k < choiceColumns.Count; k++)
        {
            if (choiceColumns[k] != $"choice_{k + 1}")
            {
                values.Errors.Add(new CsvError(table.File, 1, table.IndexOf(choiceColumns[k]) + 1, choiceColumns[k], $"Choice columns must be choice_1, choice_2, … without gaps; expected choice_{k + 1}."));
                break;
            }
        }

        var result = new List<(Pupil, CsvRow)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var id = values.Id(row, "pupil_id");
            if (id.Length > 0 && !seen.TryAdd(id, row.Line))
            {
                values.Errors.Add(row.Error("pupil_id", $"Pupil '{id}' appears twice (first on line {seen[id]})."));
            }

            var pupil = new Pupil
            {
                Name = $"{school}/pupils/{id}",
                LearningPath = values.Path(row, "learning_path", row["learning_path"].Trim()),
                Year = values.Int(row, "year", 1),
                Profile = row["profile"].Trim(),
            };
            pupil.CompletedElectiveCodes.AddRange(CsvValues.List(row["completed"]));
            var gap = false;
            for (var k = 0; k < choiceColumns.Count; k++)
            {
                var choice = row[choiceColumns[k]].Trim();
                if (choice.Length == 0)
                {
                    gap = true;
                    continue;
                }

                if (gap)
                {
                    values.Errors.Add(row.Error(choiceColumns[k], $"A choice after an empty one; fill choices from choice_1 on without gaps."));
                }

                pupil.Choices.Add(new ElectiveChoice { ElectiveOffer = Names.OfferReference(subregion, school, choice), Rank = k + 1 });
            }

            result.Add((pupil, row));
        }

        return result;
    }

    public static string Write(IReadOnlyList<Pupil> pupils, string subregion)
    {
        var choices = Math.Max(1, pupils.Select(p => p.Choices.Count).DefaultIfEmpty(0).Max());
        var csv = new CsvWriter([.. Required, .. Optional, .. Enumerable.Range(1, choices).Select(k => $"choice_{k}")]);
        foreach (var p in pupils)
        {
            var ranked = p.Choices.OrderBy(c => c.Rank).Select(c => Names.ShortOfferReference(subregion, c.ElectiveOffer)).ToList();
            csv.Row([Names.LastSegment(p.Name), CsvValues.PathCode(p.LearningPath), p.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                p.Profile, string.Join(';', p.CompletedElectiveCodes), .. ranked, .. Enumerable.Repeat("", choices - ranked.Count)]);
        }

        return csv.ToString();
    }

    /// <summary>The CSV column of a server field path below one pupil (for example "choices[1].rank" → choice_2).</summary>
    public static string? Column(string field)
    {
        var match = ChoiceField().Match(field);
        if (match.Success)
        {
            return $"choice_{int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}";
        }

        return field.Split('.', '[')[0] switch
        {
            "name" => "pupil_id",
            "learning_path" => "learning_path",
            "year" => "year",
            "profile" => "profile",
            "completed_elective_codes" => "completed",
            _ => null,
        };
    }

    [GeneratedRegex(@"^choice_[1-9][0-9]*$")]
    private static partial Regex ChoiceColumn();

    [GeneratedRegex(@"^choices\[(\d+)\]")]
    private static partial Regex ChoiceField();
}
