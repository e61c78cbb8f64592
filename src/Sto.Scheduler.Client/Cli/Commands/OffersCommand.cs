using System.CommandLine;
using Spectre.Console;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Client.Cli.Csv;

namespace Sto.Scheduler.Client.Cli.Commands;

/// <summary>
/// <c>sto offers list|import|export</c>. Import sends every offer of the file in one BatchUpsertElectiveOffers call:
/// all are created or replaced, or none when any is invalid (the server's violations point at file rows).
/// </summary>
internal static class OffersCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("offers", "List, import or export a school's elective offers (offers.csv, one row per session).");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Import(context));
        command.Subcommands.Add(Export(context));
        return command;
    }

    private static Command List(Func<ParseResult, CliContext> context)
    {
        var school = SchoolOptions.School();
        var command = new Command("list", "List the school's elective offers.") { school };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var offers = await cli.Client.ListElectiveOffersAsync(Names.School(cli.Subregion, parse.GetValue(school) ?? ""), 500, ct).ToListAsync(ct);
            if (cli.IsJson)
            {
                cli.WriteJson(offers);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("offer", "code", "name", "group size", "own/open seats", "weeks");
            foreach (var o in offers)
            {
                table.AddRow(Markup.Escape(Names.LastSegment(o.Name)), Markup.Escape(o.ElectiveCode), Markup.Escape(o.DisplayName),
                    $"{o.MinGroupSize}-{o.MaxGroupSize} x{Math.Max(1, o.MaxParallelGroups)}", o.Regional ? $"regional/{o.OpenSeatCount}" : $"{o.OwnPupilSeatCount}/{o.OpenSeatCount}",
                    o.Sessions.Count == 0 ? "-" : $"{o.Sessions[0].Week}..{o.Sessions[^1].Week} ({o.Sessions.Count})");
            }

            cli.Console.Write(table);
            cli.Line($"{offers.Count} offers.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Import(Func<ParseResult, CliContext> context)
    {
        var school = SchoolOptions.School();
        var file = SchoolOptions.File("offers.csv");
        var validateOnly = SchoolOptions.ValidateOnly();
        var command = new Command("import", "Create or replace the offers in the file, all or nothing (BatchUpsertElectiveOffers).") { school, file, validateOnly };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var schoolName = Names.School(cli.Subregion, parse.GetValue(school) ?? "");
            var path = parse.GetValue(file) ?? "";
            var errors = new List<CsvError>();
            var table = SchoolOptions.Parse(path, OfferCsv.Required, OfferCsv.IsKnown, errors);
            var offers = OfferCsv.Read(table, cli.Subregion, schoolName, new CsvValues(errors));
            if (errors.Count > 0)
            {
                return SchoolOptions.Fail(cli, path, errors, "nothing was sent");
            }

            var check = parse.GetValue(validateOnly);
            return await BatchImport.SendAsync(
                cli, path, table, offers.Count, (index, field, message) => Locate(offers[index].Rows, field, message),
                "elective_offers", "offers", schoolName, check, async () =>
                {
                    var response = await cli.Client.Offers.BatchUpsertElectiveOffersAsync(new BatchUpsertElectiveOffersRequest
                    {
                        Parent = schoolName, ElectiveOffers = { offers.Select(o => o.Offer) }, ValidateOnly = check,
                    }, cancellationToken: ct);
                    return (response.CreatedCount, response.UpdatedCount);
                });
        });
        return command;
    }

    private static Command Export(Func<ParseResult, CliContext> context)
    {
        var school = SchoolOptions.School();
        var file = SchoolOptions.File("offers.csv");
        var command = new Command("export", "Write the school's offers as offers.csv (the import format).") { school, file };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var schoolName = Names.School(cli.Subregion, parse.GetValue(school) ?? "");
            var offers = await cli.Client.ListElectiveOffersAsync(schoolName, 500, ct).ToListAsync(ct);
            var path = parse.GetValue(file) ?? "-";
            cli.WriteFile(path, OfferCsv.Write(offers, cli.Subregion));
            if (path != "-")
            {
                cli.Line($"{path}: {offers.Count} offers of {schoolName}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>An offer spans one CSV row per session: the row and column of a field of the offer.</summary>
    private static CsvError Locate(IReadOnlyList<CsvRow> rows, string field, string message)
    {
        var (row, column) = OfferCsv.Locate(field, rows);
        return row.Error(column, message);
    }
}
