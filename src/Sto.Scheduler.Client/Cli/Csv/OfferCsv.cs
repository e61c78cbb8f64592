using System.Globalization;
using System.Text.RegularExpressions;
using Sto.Scheduler.Api.V1;

namespace Sto.Scheduler.Client.Cli.Csv;

/// <summary>
/// offers.csv: one row per session (week) of an offer; the offer's own columns repeat on each of its rows and must
/// agree (docs/csv-formats.md).
/// </summary>
internal static partial class OfferCsv
{
    public static readonly string[] Required =
        ["offer_id", "elective_code", "display_name", "min_group_size", "max_group_size", "required_qualification", "week", "venue", "start_time", "end_time"];

    private static readonly string[] OfferColumns =
    [
        "elective_code", "display_name", "profile", "provider_name", "min_group_size", "max_group_size", "max_parallel_groups",
        "own_pupil_seat_count", "open_seat_count", "required_qualification", "regional", "learning_paths", "years",
        "eligible_profiles", "prerequisites", "kit_needs",
    ];

    private static readonly string[] SessionColumns = ["week", "venue", "start_time", "end_time", "session_kind"];

    public static string[] Columns => ["offer_id", .. OfferColumns, .. SessionColumns];

    public static bool IsKnown(string column) => Columns.Contains(column);

    /// <summary>Offers in order of first appearance, each with the rows of its sessions (row i = sessions[i]).</summary>
    public static IReadOnlyList<(ElectiveOffer Offer, IReadOnlyList<CsvRow> Rows)> Read(CsvTable table, string subregion, string school, CsvValues values)
    {
        var result = new List<(ElectiveOffer, List<CsvRow>)>();
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var id = values.Id(row, "offer_id");
            if (byId.TryGetValue(id, out var index))
            {
                var first = result[index].Item2[0];
                foreach (var column in OfferColumns.Where(c => table.IndexOf(c) >= 0 && row[c].Trim() != first[c].Trim()))
                {
                    values.Errors.Add(row.Error(column, $"'{row[column]}' differs from line {first.Line}, the first row of offer '{id}'; the offer's columns must be the same on each of its rows."));
                }

                result[index].Item1.Sessions.Add(NewSession(row, subregion, values));
                result[index].Item2.Add(row);
                continue;
            }

            byId[id] = result.Count;
            var offer = Offer(row, subregion, school, id, values);
            offer.Sessions.Add(NewSession(row, subregion, values));
            result.Add((offer, [row]));
        }

        return [.. result.Select(r => (r.Item1, (IReadOnlyList<CsvRow>)r.Item2))];
    }

    public static string Write(IReadOnlyList<ElectiveOffer> offers, string subregion)
    {
        var csv = new CsvWriter(Columns);
        foreach (var o in offers)
        {
            var e = o.Eligibility ?? new Eligibility();
            string[] own =
            [
                Names.LastSegment(o.Name), o.ElectiveCode, o.DisplayName, o.Profile, o.ProviderName, Text(o.MinGroupSize), Text(o.MaxGroupSize),
                Text(o.MaxParallelGroups), Text(o.OwnPupilSeatCount), Text(o.OpenSeatCount), o.RequiredQualification, o.Regional ? "true" : "false",
                string.Join(';', e.LearningPaths.Select(CsvValues.PathCode)), string.Join(';', e.Years.Select(Text)), string.Join(';', e.Profiles),
                string.Join(';', e.PrerequisiteElectiveCodes),
                string.Join(';', o.KitNeeds.Select(k => $"{Names.Relative(subregion, k.EquipmentKit)}:{Text(Math.Max(1, k.CountPerGroup))}")),
            ];
            foreach (var s in o.Sessions)
            {
                csv.Row([.. own, s.Week, Names.Relative(subregion, s.Venue), CsvValues.Time(s.StartTime), CsvValues.Time(s.EndTime),
                    s.Kind == Api.V1.Session.Types.Kind.Theory ? "theory" : "practical"]);
            }
        }

        return csv.ToString();
    }

    /// <summary>The row and column of a server field path below one offer (for example "sessions[2].venue").</summary>
    public static (CsvRow Row, string? Column) Locate(string field, IReadOnlyList<CsvRow> rows)
    {
        var session = SessionField().Match(field);
        if (session.Success)
        {
            var i = int.Parse(session.Groups[1].Value, CultureInfo.InvariantCulture);
            var rest = session.Groups[2].Value;
            return (rows[Math.Min(i, rows.Count - 1)], rest.Length == 0 ? null : rest == "kind" ? "session_kind" : SessionColumns.Contains(rest) ? rest : null);
        }

        var head = field.Split('.', '[')[0];
        var column = head switch
        {
            "name" => "offer_id",
            "eligibility" => field.Contains("learning_paths", StringComparison.Ordinal) ? "learning_paths"
                : field.Contains("years", StringComparison.Ordinal) ? "years"
                : field.Contains("prerequisite", StringComparison.Ordinal) ? "prerequisites" : "eligible_profiles",
            "kit_needs" => "kit_needs",
            "sessions" => "week",
            _ => OfferColumns.Contains(head) ? head : null,
        };
        return (rows[0], column);
    }

    private static ElectiveOffer Offer(CsvRow row, string subregion, string school, string id, CsvValues values)
    {
        var offer = new ElectiveOffer
        {
            Name = $"{school}/electiveOffers/{id}",
            ElectiveCode = values.Required(row, "elective_code"),
            DisplayName = values.Required(row, "display_name"),
            Profile = row["profile"].Trim(),
            ProviderName = row["provider_name"].Trim(),
            MinGroupSize = values.Int(row, "min_group_size", 1),
            MaxGroupSize = values.Int(row, "max_group_size", 1),
            MaxParallelGroups = values.Int(row, "max_parallel_groups", 0, fallback: 0),
            OwnPupilSeatCount = values.Int(row, "own_pupil_seat_count", 0, fallback: 0),
            OpenSeatCount = values.Int(row, "open_seat_count", 0, fallback: 0),
            RequiredQualification = values.Required(row, "required_qualification"),
            Regional = values.Bool(row, "regional"),
            Eligibility = new Eligibility(),
        };
        offer.Eligibility.LearningPaths.AddRange(CsvValues.List(row["learning_paths"]).Select(p => values.Path(row, "learning_paths", p)));
        foreach (var year in CsvValues.List(row["years"]))
        {
            if (int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1 and <= 6)
            {
                offer.Eligibility.Years.Add(y);
            }
            else
            {
                values.Errors.Add(row.Error("years", $"'{year}' is not a school year; expected 3, 4 or '3;4'."));
            }
        }

        offer.Eligibility.Profiles.AddRange(CsvValues.List(row["eligible_profiles"]));
        offer.Eligibility.PrerequisiteElectiveCodes.AddRange(CsvValues.List(row["prerequisites"]));
        foreach (var need in CsvValues.List(row["kit_needs"]))
        {
            var parts = need.Split(':');
            var count = 1;
            if (parts.Length > 2 || parts[0].Length == 0 || (parts.Length == 2 && !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out count)))
            {
                values.Errors.Add(row.Error("kit_needs", $"'{need}' is not a kit need; expected kit-id or kit-id:count, e.g. kit-drones:1, separated by ';'."));
                continue;
            }

            offer.KitNeeds.Add(new KitNeed { EquipmentKit = Names.SubregionChild(subregion, parts[0], "equipmentKits"), CountPerGroup = count });
        }

        return offer;
    }

    private static Session NewSession(CsvRow row, string subregion, CsvValues values)
    {
        var week = row["week"].Trim().ToUpperInvariant();
        if (!WeekRange.TryExpand(week, out var weeks) || weeks.Count != 1)
        {
            values.Errors.Add(row.Error("week", week.Length == 0 ? "Required; expected one ISO week, e.g. 2026-W14." : $"'{row["week"]}' is not one ISO week; expected e.g. 2026-W14 (one row per week)."));
        }

        var kind = row["session_kind"].Trim().ToLowerInvariant() switch
        {
            "" or "practical" => Api.V1.Session.Types.Kind.Practical,
            "theory" => Api.V1.Session.Types.Kind.Theory,
            _ => Api.V1.Session.Types.Kind.Unspecified,
        };
        if (kind == Api.V1.Session.Types.Kind.Unspecified)
        {
            values.Errors.Add(row.Error("session_kind", $"'{row["session_kind"]}' is not a session kind; expected practical or theory."));
        }

        return new Session
        {
            Week = week,
            Venue = values.Required(row, "venue") is { Length: > 0 } venue ? Names.SubregionChild(subregion, venue, "venues") : "",
            StartTime = values.Time(row, "start_time"),
            EndTime = values.Time(row, "end_time"),
            Kind = kind,
        };
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^sessions\[(\d+)\]\.?([a-z_]*)")]
    private static partial Regex SessionField();
}
