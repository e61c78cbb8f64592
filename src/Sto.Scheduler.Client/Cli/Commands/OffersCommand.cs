using System.CommandLine;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Spectre.Console;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Client.Cli.Csv;

namespace Sto.Scheduler.Client.Cli.Commands;

/// <summary>
/// <c>sto offers list|import|export</c>. There is no batch RPC for offers: import first checks every offer with
/// validate_only and stores only when all pass, then creates new offers and replaces existing ones one by one.
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
        var command = new Command("import", "Create or replace the offers in the file; nothing is stored unless every offer passes the server's checks.") { school, file, validateOnly };
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

            var existing = await cli.Client.ListElectiveOffersAsync(schoolName, 500, ct).Select(o => o.Name).ToHashSetAsync(cancellationToken: ct);
            foreach (var (offer, rows) in offers)
            {
                try
                {
                    await StoreAsync(cli, schoolName, offer, existing.Contains(offer.Name), validateOnly: true, ct);
                }
                catch (SchedulerException e) when (e.StatusCode == StatusCode.InvalidArgument)
                {
                    errors.AddRange(e.FieldViolations.Count == 0
                        ? [rows[0].Error(null, e.Message)]
                        : e.FieldViolations.Select(v => Locate(v, rows)));
                }
            }

            if (errors.Count > 0)
            {
                return SchoolOptions.Fail(cli, path, errors, "nothing was stored");
            }

            if (parse.GetValue(validateOnly))
            {
                cli.Line($"{table.File}: {offers.Count} offers are valid; nothing was stored (--validate-only).");
                return ExitCodes.Ok;
            }

            foreach (var (offer, _) in offers)
            {
                await StoreAsync(cli, schoolName, offer, existing.Contains(offer.Name), validateOnly: false, ct);
            }

            var updated = offers.Count(o => existing.Contains(o.Offer.Name));
            cli.Line($"{table.File}: {offers.Count} offers stored in {schoolName} ({offers.Count - updated} created, {updated} replaced).");
            return ExitCodes.Ok;
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

    private static async Task StoreAsync(CliContext cli, string school, ElectiveOffer offer, bool exists, bool validateOnly, CancellationToken ct)
    {
        if (exists)
        {
            await cli.Client.Offers.UpdateElectiveOfferAsync(
                new UpdateElectiveOfferRequest { ElectiveOffer = offer, UpdateMask = new FieldMask { Paths = { "*" } }, ValidateOnly = validateOnly }, cancellationToken: ct);
        }
        else
        {
            await cli.Client.Offers.CreateElectiveOfferAsync(
                new CreateElectiveOfferRequest { Parent = school, ElectiveOfferId = Names.LastSegment(offer.Name), ElectiveOffer = offer, ValidateOnly = validateOnly }, cancellationToken: ct);
        }
    }

    private static CsvError Locate(SchedulerFieldViolation v, IReadOnlyList<CsvRow> rows)
    {
        var field = v.Field.StartsWith("elective_offer.", StringComparison.Ordinal) ? v.Field["elective_offer.".Length..] : v.Field;
        var (row, column) = OfferCsv.Locate(field, rows);
        return row.Error(column, $"{v.Description} (server: {v.Field})");
    }
}
