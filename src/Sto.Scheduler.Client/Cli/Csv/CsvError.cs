namespace Sto.Scheduler.Client.Cli.Csv;

/// <summary>One problem in a CSV file, with where it is and what was expected.</summary>
internal sealed record CsvError(string File, int Line, int? Column, string? ColumnName, string Message)
{
    public override string ToString()
    {
        var where = Column is null ? $"{File}:{Line}" : $"{File}:{Line}:{Column}";
        return ColumnName is null ? $"{where}: {Message}" : $"{where} ({ColumnName}): {Message}";
    }
}
