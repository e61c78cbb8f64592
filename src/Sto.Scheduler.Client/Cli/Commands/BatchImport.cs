using Sto.Scheduler.Client.Cli.Csv;

namespace Sto.Scheduler.Client.Cli.Commands;

/// <summary>
/// The shared end of a CSV import: send all rows in one batch call, turn the server's row violations back into
/// file/line/column errors, and report what was stored (or only checked with --validate-only).
/// </summary>
internal static class BatchImport
{
    public static Task<int> SendAsync<T>(
        CliContext cli,
        string path,
        CsvTable table,
        IReadOnlyList<(T Item, CsvRow Row)> rows,
        string rowsField,
        Func<string, string?> column,
        string noun,
        string school,
        bool validateOnly,
        Func<Task<(int Created, int Updated)>> send) =>
        SendAsync(cli, path, table, rows.Count, (index, rest, message) => rows[index].Row.Error(column(rest), message),
            rowsField, noun, school, validateOnly, send);

    /// <summary>As above, for items that span several rows: <paramref name="locate"/> finds the row and column of item i's field.</summary>
    public static async Task<int> SendAsync(
        CliContext cli,
        string path,
        CsvTable table,
        int count,
        Func<int, string, string, CsvError> locate,
        string rowsField,
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
        catch (SchedulerException e) when (SchoolOptions.RowErrors(e, rowsField, count, locate, table.File) is { } rowErrors)
        {
            return SchoolOptions.Fail(cli, path, rowErrors, "the server rejected the file and stored nothing");
        }

        cli.Line(validateOnly
            ? $"{table.File}: {count} {noun} are valid; nothing was stored (--validate-only; {counts.Created} would be created, {counts.Updated} replaced)."
            : $"{table.File}: {count} {noun} stored in {school} ({counts.Created} created, {counts.Updated} replaced).");
        return ExitCodes.Ok;
    }
}
