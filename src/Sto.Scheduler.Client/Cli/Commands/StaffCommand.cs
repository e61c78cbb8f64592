using System.CommandLine;
using Spectre.Console;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Client.Cli.Csv;

namespace Sto.Scheduler.Client.Cli.Commands;

/// <summary><c>sto staff import|export|list</c>: staff members and their availability (staff.csv) through BatchUpsertStaffMembers.</summary>
internal static class StaffCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("staff", "Import or export the staff a school makes available, with qualifications and weeks (staff.csv).");
        command.Subcommands.Add(Import(context));
        command.Subcommands.Add(Export(context));
        command.Subcommands.Add(List(context));
        return command;
    }

    private static Command Import(Func<ParseResult, CliContext> context)
    {
        var school = SchoolOptions.School();
        var file = SchoolOptions.File("staff.csv");
        var validateOnly = SchoolOptions.ValidateOnly();
        var command = new Command("import", "Create or replace the staff members in the file, all or nothing (BatchUpsertStaffMembers).") { school, file, validateOnly };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var schoolName = Names.School(cli.Subregion, parse.GetValue(school) ?? "");
            var path = parse.GetValue(file) ?? "";
            var errors = new List<CsvError>();
            var table = SchoolOptions.Parse(path, StaffCsv.Required, StaffCsv.IsKnown, errors);
            var rows = StaffCsv.Read(table, cli.Subregion, schoolName, new CsvValues(errors));
            if (errors.Count > 0)
            {
                return SchoolOptions.Fail(cli, path, errors, "nothing was sent");
            }

            var check = parse.GetValue(validateOnly);
            return await BatchImport.SendAsync(cli, path, table, rows, "staff_members", StaffCsv.Column, "staff members", schoolName, check, async () =>
            {
                var response = await cli.Client.Staff.BatchUpsertStaffMembersAsync(new BatchUpsertStaffMembersRequest { Parent = schoolName, StaffMembers = { rows.Select(r => r.Staff) }, ValidateOnly = check }, cancellationToken: ct);
                return (response.CreatedCount, response.UpdatedCount);
            });
        });
        return command;
    }

    private static Command Export(Func<ParseResult, CliContext> context)
    {
        var school = SchoolOptions.School();
        var file = SchoolOptions.File("staff.csv");
        var command = new Command("export", "Write the school's staff members as staff.csv (the import format).") { school, file };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var schoolName = Names.School(cli.Subregion, parse.GetValue(school) ?? "");
            var staff = await cli.Client.ListStaffMembersAsync(schoolName, 500, ct).ToListAsync(ct);
            var path = parse.GetValue(file) ?? "-";
            cli.WriteFile(path, StaffCsv.Write(staff, cli.Subregion));
            if (path != "-")
            {
                cli.Line($"{path}: {staff.Count} staff members of {schoolName}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(Func<ParseResult, CliContext> context)
    {
        var school = SchoolOptions.School();
        var command = new Command("list", "List the school's staff members.") { school };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var schoolName = Names.School(cli.Subregion, parse.GetValue(school) ?? "");
            var staff = await cli.Client.ListStaffMembersAsync(schoolName, 500, ct).ToListAsync(ct);
            if (cli.IsJson)
            {
                cli.WriteJson(staff);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("staff", "name", "kind", "qualifications", "weeks");
            foreach (var s in staff)
            {
                table.AddRow(Markup.Escape(Names.LastSegment(s.Name)), Markup.Escape(s.DisplayName), CsvValues.KindCode(s.Kind),
                    Markup.Escape(string.Join(", ", s.Qualifications)), s.AvailableWeeks.Count == 0 ? "all" : string.Join(", ", s.AvailableWeeks));
            }

            cli.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
