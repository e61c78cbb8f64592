namespace Sto.Scheduler.Client.Cli.Csv;

/// <summary>One record of a <see cref="CsvTable"/>: its values by column name and the line it starts on.</summary>
internal sealed class CsvRow(CsvTable table, int line, IReadOnlyList<string> values)
{
    public int Line { get; } = line;

    public CsvTable Table { get; } = table;

    public string this[string column] => Table.IndexOf(column) is int i and >= 0 ? values[i] : "";

    public bool Has(string column) => Table.IndexOf(column) >= 0;

    /// <summary>An error at this row's cell in <paramref name="column"/> (or the row when the column is absent).</summary>
    public CsvError Error(string? column, string message)
    {
        var index = column is null ? -1 : Table.IndexOf(column);
        return new CsvError(Table.File, Line, index >= 0 ? index + 1 : null, index >= 0 ? column : null, message);
    }
}
