using Sto.Scheduler.Client.Cli;
using Sto.Scheduler.Client.Cli.Csv;

namespace Sto.Scheduler.Client.Tests.Csv;

public sealed class CsvTableTests
{
    private static readonly string[] Columns = ["a", "b"];

    [Fact]
    public void CsvTable_reads_quoted_fields_with_commas_quotes_and_line_breaks()
    {
        var errors = new List<CsvError>();

        var table = Parse("\uFEFFa,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n", errors);

        Assert.Empty(errors);
        Assert.Equal("x, y", table.Rows[0]["a"]);
        Assert.Equal("say \"hi\"", table.Rows[0]["b"]);
        Assert.Equal("two\nlines", table.Rows[1]["a"]);
        Assert.Equal(3, table.Rows[1].Line);
    }

    [Fact]
    public void CsvTable_names_the_line_of_a_row_with_the_wrong_number_of_fields()
    {
        var errors = new List<CsvError>();

        Parse("a,b\n1,2\n3\n", errors);

        Assert.Equal("t.csv:3: Found 1 fields, expected 2 (one per header column); check for a missing or extra comma.", Assert.Single(errors).ToString());
    }

    [Fact]
    public void CsvTable_rejects_an_unclosed_quote_a_stray_quote_and_an_unknown_column()
    {
        var errors = new List<CsvError>();

        Parse("a,b,c\n1,x\"y,3\n\"open,2,3\n", errors);

        Assert.Contains(errors, e => e.ToString() == "t.csv:1:3 (c): Unknown column 'c'; see docs/csv-formats.md for the columns of this file.");
        Assert.Contains(errors, e => e.Line == 2 && e.Column == 2 && e.Message.StartsWith("A quote inside an unquoted field", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 3 && e.Message.StartsWith("A quoted field is never closed", StringComparison.Ordinal));
    }

    [Fact]
    public void CsvTable_reports_a_missing_required_column_and_an_empty_line()
    {
        var errors = new List<CsvError>();

        Parse("b\n1\n\n2\n", errors);

        Assert.Contains(errors, e => e.Message == "The header lacks the required column 'a'.");
        Assert.Contains(errors, e => e.Line == 3 && e.Message == "An empty line inside the file; remove it.");
    }

    [Fact]
    public void CsvWriter_quotes_when_needed_and_escapes_formulas()
    {
        var text = new CsvWriter(["a", "b"]).Row(["=HYPERLINK(1)", "x,\"y\""]).Row(["-3", "plain"]).ToString();

        Assert.Equal("a,b\r\n'=HYPERLINK(1),\"x,\"\"y\"\"\"\r\n-3,plain\r\n", text);
    }

    [Theory]
    [InlineData("2026-W14", "2026-W14")]
    [InlineData("2026-W52..2027-W02", "2026-W52 2026-W53 2027-W01 2027-W02")]
    [InlineData("2026-W06..2026-W08,2026-W10", "2026-W06 2026-W07 2026-W08 2026-W10")]
    public void WeekRange_expands_weeks_and_ranges_across_a_53_week_year(string text, string expected)
    {
        Assert.Equal(expected.Split(' '), WeekRange.Parse(text, "--weeks"));
    }

    [Theory]
    [InlineData("2026-W54")]
    [InlineData("2026-W10..2026-W08")]
    [InlineData("14")]
    public void WeekRange_rejects_what_is_not_an_iso_week(string text)
    {
        var error = Assert.Throws<CliException>(() => WeekRange.Parse(text, "--weeks"));
        Assert.Equal(ExitCodes.Usage, error.ExitCode);
    }

    private static CsvTable Parse(string text, List<CsvError> errors) =>
        CsvTable.Parse("t.csv", text, Columns[..1], c => Columns.Contains(c), errors);
}
