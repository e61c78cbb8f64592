using System.Text;

namespace Sto.Scheduler.Client.Cli.Csv;

/// <summary>Writes RFC 4180 CSV (CRLF, quotes where needed) and escapes spreadsheet formulas (CSV injection).</summary>
internal sealed class CsvWriter
{
    private readonly StringBuilder _text = new();

    public CsvWriter(IEnumerable<string> header) => Row(header);

    public CsvWriter Row(IEnumerable<string> values)
    {
        _text.AppendJoin(',', values.Select(Escape)).Append("\r\n");
        return this;
    }

    public override string ToString() => _text.ToString();

    public static string Escape(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsNumber(value))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 || value != value.Trim()
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    private static bool IsNumber(string value) => double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _);
}
