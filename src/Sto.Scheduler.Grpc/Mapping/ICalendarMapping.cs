using System.Globalization;
using System.Text;
using Sto.Scheduler.Api.V1;

namespace Sto.Scheduler.Grpc.Mapping;

/// <summary>A pupil schedule as iCalendar (RFC 5545): one VEVENT per afternoon, local times in Europe/Amsterdam.</summary>
public static class ICalendarMapping
{
    private const string TimeZoneBlock =
        "BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n" +
        "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n" +
        "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n" +
        "END:VTIMEZONE\r\n";

    public static string ToICalendar(PupilSchedule schedule, DateTimeOffset stamp)
    {
        var ics = new StringBuilder();
        ics.Append("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//STO Scheduler//sto.scheduler.v1//NL\r\nCALSCALE:GREGORIAN\r\n");
        ics.Append(TimeZoneBlock);
        foreach (var entry in schedule.Entries)
        {
            var date = $"{entry.Date.Year:D4}{entry.Date.Month:D2}{entry.Date.Day:D2}";
            ics.Append("BEGIN:VEVENT\r\n");
            Line(ics, "UID", $"{Hash(schedule.Name)}-{entry.Week}@sto-scheduler");
            Line(ics, "DTSTAMP", stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
            Line(ics, "DTSTART;TZID=Europe/Amsterdam", $"{date}T{Time(entry.StartTime)}");
            Line(ics, "DTEND;TZID=Europe/Amsterdam", $"{date}T{Time(entry.EndTime)}");
            Line(ics, "SUMMARY", Escape(entry.ElectiveName));
            Line(ics, "LOCATION", Escape(string.IsNullOrEmpty(entry.VenueAddress) ? entry.VenueName : $"{entry.VenueName}, {entry.VenueAddress}"));
            Line(ics, "DESCRIPTION", Escape(Description(entry)));
            ics.Append("END:VEVENT\r\n");
        }

        ics.Append("END:VCALENDAR\r\n");
        return ics.ToString();
    }

    private static string Description(PupilScheduleEntry entry)
    {
        var travel = entry.TravelMode switch
        {
            TravelMode.Bus => $"Bus departs from school at {entry.BusDepartureTime.Hours:D2}:{entry.BusDepartureTime.Minutes:D2}.",
            TravelMode.Bike => "By bike.",
            _ => "At your own school.",
        };
        return entry.StaffNames.Count == 0 ? travel : $"{travel} Staff: {string.Join(", ", entry.StaffNames)}.";
    }

    private static string Time(Google.Type.TimeOfDay? t) => t is null ? "000000" : $"{t.Hours:D2}{t.Minutes:D2}{t.Seconds:D2}";

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Writes a content line folded at 75 octets (RFC 5545 §3.1).</summary>
    private static void Line(StringBuilder ics, string name, string value)
    {
        var line = $"{name}:{value}";
        for (var i = 0; i < line.Length; i += 74)
        {
            ics.Append(i == 0 ? "" : " ").Append(line, i, Math.Min(74, line.Length - i)).Append("\r\n");
        }
    }

    /// <summary>A stable UID part that does not put the pupil's name in calendars shared elsewhere.</summary>
    private static string Hash(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
