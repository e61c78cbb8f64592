using System.Globalization;
using System.Text;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Decoding;

/// <summary>Renders an <see cref="AllocationQuality"/> as the plain-text table a planner reads (invariant culture).</summary>
public static class QualityReport
{
    public static string Render(AllocationQuality quality)
    {
        ArgumentNullException.ThrowIfNull(quality);
        var text = new StringBuilder();
        Line("pupils", quality.PupilCount);
        Line("placed", quality.PlacedCount);
        Line("unplaced", quality.UnplacedCount);
        for (var rank = 0; rank < quality.PlacementsByRank.Length; rank++)
        {
            Line($"placed at choice {rank + 1}", quality.PlacementsByRank[rank]);
        }

        Line("first-choice rate", Percent(quality.FirstChoiceRate));
        Line("top-3 rate", Percent(quality.TopThreeRate));
        Line("worst rank", quality.WorstRank);
        Line("rank cost", quality.RankCost);
        Line("running groups", quality.RunningGroups);
        Line("offers that did not run", quality.ClosedOffers);
        Line("group fill", Percent(quality.GroupFillRate));
        Line("staff-afternoons", quality.StaffAfternoons);
        Line("bus-afternoons", quality.BusAfternoons);
        Line("pupil travel minutes", quality.TravelMinutes);
        Line("placements away from own school", quality.ExternalPlacements);
        text.AppendLine();
        text.AppendLine("school | pupils | placed | first choice | first-choice rate | mean rank");
        foreach (var school in quality.Schools)
        {
            text.AppendLine(Invariant($"{school.School} | {school.PupilCount} | {school.PlacedCount} | {school.FirstChoiceCount} | {Percent(school.FirstChoiceRate)} | {school.MeanRank:F2}"));
        }

        if (quality.NearMisses.Length > 0)
        {
            text.AppendLine();
            text.AppendLine("offer that did not run | minimum | interested | first choice | short by");
            foreach (var miss in quality.NearMisses)
            {
                text.AppendLine(Invariant($"{miss.Offer} | {miss.MinGroupSize} | {miss.InterestedPupils} | {miss.FirstChoicePupils} | {miss.ShortBy}"));
            }
        }

        return text.ToString();

        void Line(string label, object value) => text.AppendLine(Invariant($"{label,-34} {value}"));
    }

    private static string Percent(double rate) => Invariant($"{rate * 100:F1} %");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
