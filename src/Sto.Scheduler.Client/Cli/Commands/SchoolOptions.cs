using System.CommandLine;
using Grpc.Core;
using Sto.Scheduler.Client.Cli.Csv;

namespace Sto.Scheduler.Client.Cli.Commands;

/// <summary>Options and steps the offers, pupils and staff verbs share.</summary>
internal static class SchoolOptions
{
    public const int MaxShownErrors = 50;

    public static Option<string> School() => new("--school") { Description = "The school: its id (e.g. s01) or full name regions/…/schools/s01.", Required = true };

    public static Option<string> File(string example) => new("--file", "-f") { Description = $"The CSV file, e.g. {example} ('-' = standard output for export).", Required = true };

    public static Option<bool> ValidateOnly() => new("--validate-only") { Description = "Let the server check every row without storing anything." };

    /// <summary>Reads and parses the file; throws nothing, collects every error.</summary>
    public static CsvTable Parse(string path, IReadOnlyCollection<string> required, Func<string, bool> isKnown, List<CsvError> errors) =>
        CsvTable.Parse(Path.GetFileName(path), CliContext.ReadFile(path), required, isKnown, errors);

    /// <summary>Prints the errors with a closing line; returns the exit code for invalid input.</summary>
    public static int Fail(CliContext cli, string file, IReadOnlyList<CsvError> errors, string outcome)
    {
        foreach (var error in errors.OrderBy(e => e.Line).ThenBy(e => e.Column ?? 0).Take(MaxShownErrors))
        {
            cli.ErrorLine(error.ToString());
        }

        if (errors.Count > MaxShownErrors)
        {
            cli.ErrorLine($"… and {errors.Count - MaxShownErrors} more.");
        }

        cli.ErrorLine($"{Path.GetFileName(file)}: {errors.Count} problem{(errors.Count == 1 ? "" : "s")}; {outcome}. See docs/csv-formats.md.");
        return ExitCodes.InvalidInput;
    }

    /// <summary>
    /// Turns the server's field violations of a batch call ("pupils[3].year") into CSV errors at the row's line;
    /// violations that name no row are kept as they are. Returns null for errors other than INVALID_ARGUMENT.
    /// </summary>
    public static List<CsvError>? RowErrors<T>(SchedulerException e, string rowsField, IReadOnlyList<(T Item, CsvRow Row)> rows, Func<string, string?> column, string file) =>
        RowErrors(e, rowsField, rows.Count, (index, rest, message) => rows[index].Row.Error(column(rest), message), file);

    /// <summary>
    /// The server's violations of a batch call as file errors: <c>{rowsField}[i].rest</c> goes to
    /// <paramref name="locate"/>(i, rest, message), anything else to line 1. Null when the error has no violations.
    /// </summary>
    public static List<CsvError>? RowErrors(SchedulerException e, string rowsField, int count, Func<int, string, string, CsvError> locate, string file)
    {
        if (e.StatusCode != StatusCode.InvalidArgument || e.FieldViolations.Count == 0)
        {
            return null;
        }

        var result = new List<CsvError>();
        foreach (var v in e.FieldViolations)
        {
            var prefix = rowsField + "[";
            var close = v.Field.IndexOf(']', StringComparison.Ordinal);
            if (v.Field.StartsWith(prefix, StringComparison.Ordinal) && close > prefix.Length
                && int.TryParse(v.Field.AsSpan(prefix.Length, close - prefix.Length), System.Globalization.CultureInfo.InvariantCulture, out var index)
                && index < count)
            {
                var rest = v.Field[(close + 1)..].TrimStart('.');
                result.Add(locate(index, rest, $"{v.Description} (server: {v.Field})"));
            }
            else
            {
                result.Add(new CsvError(file, 1, null, null, $"{v.Field}: {v.Description}"));
            }
        }

        return result;
    }
}
