using System.CommandLine;
using Spectre.Console;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Client.Cli.Csv;

namespace Sto.Scheduler.Client.Cli.Commands;

/// <summary><c>sto pupils import|export|list</c>: pupils and their ranked choices (choices.csv) through BatchUpsertPupils.</summary>
internal static class PupilsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("pupils", "Import or export a school's pupils and their ranked choices (choices.csv).");
        command.Subcommands.Add(Import(context));
        command.Subcommands.Add(Export(context));
        command.Subcommands.Add(List(context));
        return command;
    }

    private static Command Import(Func<ParseResult, CliContext> context)
    {
        var school = SchoolOptions.School();
        var file = SchoolOptions.File("choices.csv");
        var validateOnly = SchoolOptions.ValidateOnly();
        var command = new Command("import", "Create or replace the pupils in the file, all or nothing (BatchUpsertPupils).") { school, file, validateOnly };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var schoolName = Names.School(cli.Subregion, parse.GetValue(school) ?? "");
            var path = parse.GetValue(file) ?? "";
            var errors = new List<CsvError>();
            var table = SchoolOptions.Parse(path, PupilCsv.Required, PupilCsv.IsKnown, errors);
            var rows = PupilCsv.Read(table, cli.Subregion, schoolName, new CsvValues(errors));
            if (rows.Count > 5000)
            {
                errors.Add(new CsvError(table.File, rows[5000].Row.Line, null, null, "At most 5000 pupils per import; split the file."));
            }

            if (errors.Count > 0)
            {
                return SchoolOptions.Fail(cli, path, errors, "nothing was sent");
            }

            var check = parse.GetValue(validateOnly);
            return await BatchImport.SendAsync(cli, path, table, rows, "pupils", PupilCsv.Column, "pupils", schoolName, check, async () =>
            {
                var response = await cli.Client.Pupils.BatchUpsertPupilsAsync(new BatchUpsertPupilsRequest { Parent = schoolName, Pupils = { rows.Select(r => r.Pupil) }, ValidateOnly = check }, cancellationToken: ct);
                return (response.CreatedCount, response.UpdatedCount);
            });
        });
        return command;
    }

    private static Command Export(Func<ParseResult, CliContext> context)
    {
        var school = SchoolOptions.School();
        var file = SchoolOptions.File("choices.csv");
        var command = new Command("export", "Write the school's pupils and choices as choices.csv (the import format).") { school, file };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var schoolName = Names.School(cli.Subregion, parse.GetValue(school) ?? "");
            var pupils = await cli.Client.ListPupilsAsync(schoolName, 500, ct).ToListAsync(ct);
            var path = parse.GetValue(file) ?? "-";
            cli.WriteFile(path, PupilCsv.Write(pupils, cli.Subregion));
            if (path != "-")
            {
                cli.Line($"{path}: {pupils.Count} pupils of {schoolName}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(Func<ParseResult, CliContext> context)
    {
        var school = SchoolOptions.School();
        var command = new Command("list", "List the school's pupils with their first choices.") { school };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var schoolName = Names.School(cli.Subregion, parse.GetValue(school) ?? "");
            var pupils = await cli.Client.ListPupilsAsync(schoolName, 500, ct).ToListAsync(ct);
            if (cli.IsJson)
            {
                cli.WriteJson(pupils);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("pupil", "path", "year", "profile", "choices");
            foreach (var p in pupils)
            {
                table.AddRow(Markup.Escape(Names.LastSegment(p.Name)), CsvValues.PathCode(p.LearningPath), p.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape(p.Profile), Markup.Escape(string.Join(", ", p.Choices.OrderBy(c => c.Rank).Select(c => Names.ShortOfferReference(cli.Subregion, c.ElectiveOffer)))));
            }

            cli.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
