using System.Globalization;
using Spectre.Console;
using Sto.Scheduler.Api.V1;

namespace Sto.Scheduler.Client.Cli.Rendering;

/// <summary>The quality of a run as Spectre tables: the headline figures, each school, the offers that did not run.</summary>
internal static class MetricsView
{
    public static void Write(IAnsiConsole console, AllocationRun run, string subregion)
    {
        console.Profile.Out.Writer.WriteLine(RunText.Line(run));
        if (run.Progress is { TierCount: > 0 })
        {
            console.Profile.Out.Writer.WriteLine($"last progress: {RunText.Progress(run.Progress)}");
        }

        WriteTiers(console, run.Progress);
        if (run.Quality is not { } q)
        {
            console.Profile.Out.Writer.WriteLine("No quality yet: the run has not succeeded.");
            return;
        }

        var table = new Table().Border(TableBorder.Ascii).Title("Allocation quality").AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
        Row(table, "pupils", q.PupilCount);
        Row(table, "placed", q.PlacedCount);
        Row(table, "unplaced", q.UnplacedCount);
        table.AddRow("first choice", RunText.Percent(q.FirstChoiceRate));
        table.AddRow("top three", RunText.Percent(q.TopThreeRate));
        Row(table, "worst rank", q.WorstRank);
        Row(table, "rank cost", q.RankCost);
        table.AddRow("placements by rank", q.PlacementsByRank.Count == 0 ? "-"
            : string.Join(" ", q.PlacementsByRank.Select((n, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}:{n}"))));
        Row(table, "running groups", q.RunningGroupCount);
        Row(table, "closed offers", q.ClosedOfferCount);
        table.AddRow("group fill", RunText.Percent(q.GroupFillRate));
        Row(table, "staff-afternoons", q.StaffAfternoonCount);
        Row(table, "bus-afternoons", q.BusAfternoonCount);
        Row(table, "travel minutes", q.TravelMinutes);
        Row(table, "external placements", q.ExternalPlacementCount);
        console.Write(table);

        if (q.Schools.Count > 0)
        {
            var schools = new Table().Border(TableBorder.Ascii).Title("Per school").AddColumns("school", "pupils", "placed", "first choice", "mean rank");
            foreach (var s in q.Schools)
            {
                schools.AddRow(Markup.Escape(Names.Relative(subregion, s.School)), Text(s.PupilCount), Text(s.PlacedCount),
                    RunText.Percent(s.FirstChoiceRate), s.MeanRank.ToString("0.00", CultureInfo.InvariantCulture));
            }

            console.Write(schools);
        }

        if (q.NearMisses.Count > 0)
        {
            var misses = new Table().Border(TableBorder.Ascii).Title("Offers that did not run").AddColumns("offer", "min size", "interested", "first choice", "short by");
            foreach (var m in q.NearMisses)
            {
                misses.AddRow(Markup.Escape(Names.ShortOfferReference(subregion, m.ElectiveOffer)), Text(m.MinGroupSize), Text(m.InterestedPupilCount),
                    Text(m.FirstChoicePupilCount), Text(m.ShortByCount));
            }

            console.Write(misses);
        }
    }

    /// <summary>How good each objective tier is proven to be, and who proved it (CP-SAT, CBC beside it, or a bound known beforehand).</summary>
    private static void WriteTiers(IAnsiConsole console, RunProgress? progress)
    {
        if (progress is not { FinishedTiers.Count: > 0 })
        {
            return;
        }

        var tiers = new Table().Border(TableBorder.Ascii).Title("Objective tiers (proven bound and gap)")
            .AddColumns("tier", "objective", "bound", "gap", "bound by");
        foreach (var t in progress.FinishedTiers)
        {
            tiers.AddRow(
                Markup.Escape(t.Tier),
                Text(t.Objective),
                t.HasBestBound ? Text(t.BestBound) : "-",
                t.ProvenOptimal ? "optimal" : t.Gap.ToString("0.00 %", CultureInfo.InvariantCulture),
                t.BoundSource.Length > 0 ? Markup.Escape(t.BoundSource) : "-");
        }

        console.Write(tiers);
    }

    public static void WriteComparison(IAnsiConsole console, CompareAllocationRunsResponse c, string baseName, string name, string subregion)
    {
        var b = c.BaseQuality ?? new AllocationQuality();
        var q = c.Quality ?? new AllocationQuality();
        var table = new Table().Border(TableBorder.Ascii).AddColumn("metric")
            .AddColumn(new TableColumn(Markup.Escape(Names.LastSegment(baseName))).RightAligned())
            .AddColumn(new TableColumn(Markup.Escape(Names.LastSegment(name))).RightAligned());
        table.AddRow("placed", Text(b.PlacedCount), Text(q.PlacedCount));
        table.AddRow("unplaced", Text(b.UnplacedCount), Text(q.UnplacedCount));
        table.AddRow("first choice", RunText.Percent(b.FirstChoiceRate), RunText.Percent(q.FirstChoiceRate));
        table.AddRow("top three", RunText.Percent(b.TopThreeRate), RunText.Percent(q.TopThreeRate));
        table.AddRow("worst rank", Text(b.WorstRank), Text(q.WorstRank));
        table.AddRow("rank cost", Text(b.RankCost), Text(q.RankCost));
        table.AddRow("staff-afternoons", Text(b.StaffAfternoonCount), Text(q.StaffAfternoonCount));
        table.AddRow("bus-afternoons", Text(b.BusAfternoonCount), Text(q.BusAfternoonCount));
        console.Write(table);
        console.Profile.Out.Writer.WriteLine($"{c.ChangedPupilCount} pupils placed differently, {c.UnchangedPupilCount} unchanged.");
        foreach (var change in c.Changes.Take(20))
        {
            console.Profile.Out.Writer.WriteLine($"  {Names.Relative(subregion, change.Pupil)}: {Offers(change.BaseElectiveOffers, subregion)} -> {Offers(change.ElectiveOffers, subregion)}");
        }

        if (c.Changes.Count > 20)
        {
            console.Profile.Out.Writer.WriteLine($"  … and {c.Changes.Count - 20} more (use --output json for all).");
        }
    }

    private static string Offers(IEnumerable<string> offers, string subregion) =>
        offers.Any() ? string.Join(", ", offers.Select(o => Names.ShortOfferReference(subregion, o))) : "unplaced";

    private static void Row(Table table, string metric, long value) => table.AddRow(metric, Text(value));

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
