using System.Globalization;
using Google.Type;
using Spectre.Console;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Client.Cli.Csv;

namespace Sto.Scheduler.Client.Cli.Rendering;

/// <summary>A pupil's schedule as a table: one row per afternoon.</summary>
internal static class ScheduleView
{
    public static void Write(IAnsiConsole console, PupilSchedule schedule)
    {
        console.Profile.Out.Writer.WriteLine($"{schedule.Name} (from {schedule.AllocationRun})");
        if (schedule.Entries.Count == 0)
        {
            console.Profile.Out.Writer.WriteLine("No afternoons in these weeks: the pupil was not placed, or has no session in them.");
            return;
        }

        var table = new Table().Border(TableBorder.Ascii).AddColumns("week", "date", "elective", "venue", "address", "time", "travel", "staff");
        foreach (var e in schedule.Entries)
        {
            var travel = e.TravelMode switch
            {
                TravelMode.OnSite => "on site",
                TravelMode.Bike => "bike",
                TravelMode.Bus => $"bus {CsvValues.Time(e.BusDepartureTime)}",
                _ => "-",
            };
            table.AddRow(e.Week, Date(e.Date), Markup.Escape(e.ElectiveName), Markup.Escape(e.VenueName), Markup.Escape(e.VenueAddress),
                $"{CsvValues.Time(e.StartTime)}-{CsvValues.Time(e.EndTime)}", travel, Markup.Escape(string.Join(", ", e.StaffNames)));
        }

        console.Write(table);
    }

    private static string Date(Date? date) => date is null ? "-"
        : string.Create(CultureInfo.InvariantCulture, $"{date.Year:0000}-{date.Month:00}-{date.Day:00}");
}
