using Sto.Scheduler.Client.Cli.Csv;

namespace Sto.Scheduler.Client.Cli.Commands;

/// <summary>
/// The shared end of a CSV import: send all rows in one batch call, turn the server's row violations back into
/// file/line/column errors, and report what was stored (or only checked with --validate-only).
/// </summary>
internal static class BatchImport
{
    public static async Task<int> SendAsync<T>(
        CliContext cli,
        string path,
        CsvTable table,
        IReadOnlyList<(T Item, CsvRow Row)> rows,
        string rowsField,
        Func<string, string?> column,
        string noun,
        string school,
        bool validateOnly,
        Func<Task<(int Created, int Updated)>> send)
    {
        (int Created, int Updated) counts;
        try
        {
            counts = await send();
        }
        catch (SchedulerException e) when (SchoolOptions.RowErrors(e, rowsField, rows, column, table.File) is { } rowErrors)
        {
            return SchoolOptions.Fail(cli, path, rowErrors, "the server rejected the file and stored nothing");
        }

        cli.Line(validateOnly
            ? $"{table.File}: {rows.Count} {noun} are valid; nothing was stored (--validate-only)."
            : $"{table.File}: {rows.Count} {noun} stored in {school} ({counts.Created} created, {counts.Updated} replaced).");
        return ExitCodes.Ok;
    }
}
