using System.Text;

namespace Sto.Scheduler.Client.Cli.Csv;

/// <summary>
/// A strict RFC 4180 reader: a header row, comma separators, CRLF or LF line ends, fields quoted with <c>"</c> and
/// <c>""</c> inside quotes. Every problem names file, line and column; nothing is guessed.
/// </summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);

    private CsvTable(string file) => File = file;

    public string File { get; }

    public IReadOnlyList<string> Header { get; private set; } = [];

    public IReadOnlyList<CsvRow> Rows { get; private set; } = [];

    public int IndexOf(string column) => _columns.TryGetValue(column, out var i) ? i : -1;

    /// <summary>Parses <paramref name="text"/>; <paramref name="errors"/> gets every problem (the table may then be partial).</summary>
    public static CsvTable Parse(string file, string text, IReadOnlyCollection<string> required, Func<string, bool> isKnown, List<CsvError> errors)
    {
        var table = new CsvTable(file);
        var records = Tokenize(file, text.StartsWith('\uFEFF') ? text[1..] : text, errors);
        if (records.Count == 0)
        {
            errors.Add(new CsvError(file, 1, null, null, $"The file is empty; expected a header row with the columns {string.Join(", ", required)}."));
            return table;
        }

        var (headerLine, header) = records[0];
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            if (!isKnown(name))
            {
                errors.Add(new CsvError(file, headerLine, i + 1, name, $"Unknown column '{name}'; see docs/csv-formats.md for the columns of this file."));
            }
            else if (!table._columns.TryAdd(name, i))
            {
                errors.Add(new CsvError(file, headerLine, i + 1, name, $"Column '{name}' appears twice in the header."));
            }
        }

        foreach (var missing in required.Where(r => !table._columns.ContainsKey(r)))
        {
            errors.Add(new CsvError(file, headerLine, null, null, $"The header lacks the required column '{missing}'."));
        }

        table.Header = header;
        var rows = new List<CsvRow>();
        foreach (var (line, values) in records.Skip(1))
        {
            if (values.Count != header.Count)
            {
                errors.Add(new CsvError(file, line, null, null, $"Found {values.Count} fields, expected {header.Count} (one per header column); check for a missing or extra comma."));
                continue;
            }

            rows.Add(new CsvRow(table, line, values));
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new CsvError(file, headerLine + 1, null, null, "The file has a header but no data rows."));
        }

        table.Rows = rows;
        return table;
    }

    private static List<(int Line, List<string> Values)> Tokenize(string file, string text, List<CsvError> errors)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1, i = 0;
        var quoted = false;
        var atFieldStart = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    quoted = false;
                    i++;
                    if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    {
                        errors.Add(new CsvError(file, line, fields.Count + 1, null, "Text after a closing quote; expected a comma or the end of the line (write \"\" for a quote inside a quoted field)."));
                        while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                        {
                            i++;
                        }
                    }

                    continue;
                }

                if (c == '\n')
                {
                    line++;
                }

                field.Append(c);
                i++;
                continue;
            }

            switch (c)
            {
                case '"' when atFieldStart:
                    quoted = true;
                    atFieldStart = false;
                    i++;
                    break;
                case '"':
                    errors.Add(new CsvError(file, line, fields.Count + 1, null, "A quote inside an unquoted field; quote the whole field and write \"\" for the quote."));
                    field.Append(c);
                    i++;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    i++;
                    break;
                case '\r' or '\n':
                    i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    fields.Add(field.ToString());
                    field.Clear();
                    AddRecord(records, recordLine, fields, text, i, file, errors);
                    fields = [];
                    atFieldStart = true;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    atFieldStart = false;
                    i++;
                    break;
            }
        }

        if (quoted)
        {
            errors.Add(new CsvError(file, recordLine, fields.Count + 1, null, "A quoted field is never closed; add the closing quote."));
        }

        if (fields.Count > 0 || field.Length > 0)
        {
            fields.Add(field.ToString());
            AddRecord(records, recordLine, fields, text, text.Length, file, errors);
        }

        return records;
    }

    private static void AddRecord(List<(int, List<string>)> records, int line, List<string> fields, string text, int next, string file, List<CsvError> errors)
    {
        if (fields.Count == 1 && fields[0].Length == 0)
        {
            if (text[next..].Trim().Length > 0)
            {
                errors.Add(new CsvError(file, line, null, null, "An empty line inside the file; remove it."));
            }

            return;
        }

        records.Add((line, fields));
    }
}
