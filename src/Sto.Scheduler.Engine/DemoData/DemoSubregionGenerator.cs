using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.DemoData;

/// <summary>
/// Builds a realistic, seeded demo subregion (domain.md §3.6, PERFORMANCE.md §5): schools around a Dutch town with
/// their workshops and electives (Appendix A), company hotspots for hybrid electives, an mbo college and a trade
/// school, staff that binds (docents, instructors, hybrid and company staff), a lending lab with kits, and pupils with
/// ranked choices skewed by popularity × exp(−distance / 8 km) × the cross-profile matrix (Appendix B).
/// Deterministic: the same parameters give the same problem, byte for byte in JSON.
/// </summary>
public static class DemoSubregionGenerator
{
    /// <summary>Generates the problem the parameters describe.</summary>
    public static SchedulingProblem Generate(DemoParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Validate(parameters);
        return new DemoProblemBuilder(parameters).Build();
    }

    private static void Validate(DemoParameters p)
    {
        Require(p.PupilCount >= 0, nameof(p.PupilCount), "must be 0 or more");
        Require(p.SchoolCount is >= 2 and <= 99, nameof(p.SchoolCount), "must be 2–99");
        Require(p.TechnicalSchoolShare is >= 0 and <= 1, nameof(p.TechnicalSchoolShare), "must be 0–1");
        Require(p.OfferCount is >= 1 and <= 9_999, nameof(p.OfferCount), "must be 1–9,999");
        Require(p.CompanyHotspotCount is >= 0 and <= 99, nameof(p.CompanyHotspotCount), "must be 0–99");
        Require(p.MboCollegeCount is >= 0 and <= 9, nameof(p.MboCollegeCount), "must be 0–9");
        Require(p.TradeSchoolCount is >= 0 and <= 9, nameof(p.TradeSchoolCount), "must be 0–9");
        Require(p.WeekCount is >= 2 and <= 40, nameof(p.WeekCount), "must be 2–40");
        Require(p.FirstWeek.IsValid, nameof(p.FirstWeek), "must be a valid ISO week");
        Require(p.RegionSizeKm is > 0 and <= 200, nameof(p.RegionSizeKm), "must be above 0 and at most 200");
        Require(p.Centre.IsValid, nameof(p.Centre), "must be a valid position");
        Require(p.StaffFactor is > 0 and <= 5, nameof(p.StaffFactor), "must be above 0 and at most 5");
        Require(p.ChoicesPerPupil is >= 1 and <= 20, nameof(p.ChoicesPerPupil), "must be 1–20");
        Require(p.KitTypeCount is >= 0 and <= 3, nameof(p.KitTypeCount), "must be 0–3");
        Require(p.PreferenceDecayKm > 0, nameof(p.PreferenceDecayKm), "must be above 0");
        Require(p.PopularitySigma >= 0, nameof(p.PopularitySigma), "must be 0 or more");
        Require(p.MinimumSeatsPerPupil is >= 0 and <= 10, nameof(p.MinimumSeatsPerPupil), "must be 0–10");
    }

    private static void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(name, $"DemoParameters.{name} {rule}.");
        }
    }
}
