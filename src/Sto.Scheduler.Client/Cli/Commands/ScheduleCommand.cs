using System.CommandLine;
using Grpc.Core;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Client.Cli.Rendering;

namespace Sto.Scheduler.Client.Cli.Commands;

/// <summary><c>sto schedule &lt;pupil&gt; [--weeks …] [--ics out.ics]</c>: a pupil's afternoons from the published run.</summary>
internal static class ScheduleCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var pupil = new Argument<string>("pupil") { Description = "The pupil: {school}/{pupil} (e.g. s01/p0001) or the full name." };
        var weeks = new Option<string?>("--weeks") { Description = "A week (2026-W14) or range (2026-W06..2026-W16); default: the whole period." };
        var ics = new Option<string?>("--ics") { Description = "Also write the schedule as an iCalendar file (e.g. out.ics)." };
        var command = new Command("schedule", "Show a pupil's schedule from the published run; optionally write it as .ics.") { pupil, weeks, ics };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var name = Names.Pupil(cli.Subregion, parse.GetValue(pupil) ?? "");
            var range = WeekRange.Parse(parse.GetValue(weeks), "--weeks");
            await ShowAsync(cli, name, range.Count == 0 ? "" : range[0], range.Count == 0 ? "" : range[^1], parse.GetValue(ics), ct);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static async Task ShowAsync(CliContext cli, string pupil, string startWeek, string endWeek, string? icsPath, CancellationToken ct)
    {
        await RequirePupilAsync(cli, pupil, ct);
        var schedule = await cli.Client.Schedules.GetPupilScheduleAsync(
            new GetPupilScheduleRequest { Name = pupil + "/schedule", StartWeek = startWeek, EndWeek = endWeek }, cancellationToken: ct);
        if (cli.IsJson)
        {
            cli.WriteJson(schedule);
        }
        else
        {
            ScheduleView.Write(cli.Console, schedule);
        }

        if (icsPath is { Length: > 0 })
        {
            var export = await cli.Client.Schedules.ExportPupilScheduleAsync(
                new ExportPupilScheduleRequest { Name = pupil + "/schedule", StartWeek = startWeek, EndWeek = endWeek }, cancellationToken: ct);
            await File.WriteAllTextAsync(icsPath, export.Ics, ct);
            if (!cli.IsJson)
            {
                cli.Line($"{icsPath}: {schedule.Entries.Count} afternoons as iCalendar.");
            }
        }
    }

    /// <summary>
    /// The server answers an empty schedule for a pupil it does not know; planners and coordinators can tell
    /// "not placed" from "no such pupil", so ask first. The app role may not read pupils and skips the check.
    /// </summary>
    private static async Task RequirePupilAsync(CliContext cli, string pupil, CancellationToken ct)
    {
        try
        {
            await cli.Client.Pupils.GetPupilAsync(new GetPupilRequest { Name = pupil }, cancellationToken: ct);
        }
        catch (SchedulerException e) when (e.StatusCode == StatusCode.PermissionDenied)
        {
        }
    }
}
