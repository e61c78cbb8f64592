using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.DemoData;

/// <summary>
/// What <see cref="DemoSubregionGenerator"/> builds; sizes follow domain.md §3.6 and PERFORMANCE.md §5.
/// Same parameters, same problem (byte-identical JSON).
/// </summary>
public sealed record DemoParameters
{
    /// <summary>Seeds the one <see cref="Random"/> that draws everything, and the problem's lottery.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Upper-year pupils in the afternoon pool.</summary>
    public int PupilCount { get; init; } = 300;

    /// <summary>vmbo school sites, technical and not.</summary>
    public int SchoolCount { get; init; } = 6;

    /// <summary>Share of the schools with a technical profile (at least 2 always are).</summary>
    public double TechnicalSchoolShare { get; init; } = 0.6;

    /// <summary>Offers in total: school offers (hybrid ones included) plus those of the mbo colleges and trade schools.</summary>
    public int OfferCount { get; init; } = 60;

    /// <summary>Companies hosting the practical weeks of hybrid offers (<see cref="VenueKind.CompanyHotspot"/>).</summary>
    public int CompanyHotspotCount { get; init; } = 4;

    /// <summary>mbo colleges with a few host-less offers.</summary>
    public int MboCollegeCount { get; init; } = 1;

    /// <summary>Trade schools (bedrijfsvakscholen) with a few host-less offers.</summary>
    public int TradeSchoolCount { get; init; } = 1;

    /// <summary>Teaching weeks of the period; one holiday week inside it is skipped.</summary>
    public int WeekCount { get; init; } = 10;

    /// <summary>The first week of the period.</summary>
    public Week FirstWeek { get; init; } = new(2026, 6);

    /// <summary>A holiday week left out of the period (spring holiday, region north); null for none.</summary>
    public Week? HolidayWeek { get; init; } = new Week(2026, 8);

    /// <summary>Side of the square the schools are spread over, in km.</summary>
    public double RegionSizeKm { get; init; } = 15;

    /// <summary>Centre of the region (default: Twente, near Hengelo).</summary>
    public GeoPoint Centre { get; init; } = new(52.2, 6.9);

    /// <summary>Staff per host = StaffFactor × Σ over its offers of MaxParallelGroups × ⌈MaxGroupSize / 15⌉, so staff binds.</summary>
    public double StaffFactor { get; init; } = 0.75;

    /// <summary>Ranked choices per pupil (fewer when fewer offers are eligible and reachable).</summary>
    public int ChoicesPerPupil { get; init; } = 5;

    /// <summary>Seats over all offers are topped up (extra parallel groups) to at least this many per pupil.</summary>
    public double MinimumSeatsPerPupil { get; init; } = 1.25;

    /// <summary>Kit types of the lending lab (0–3).</summary>
    public int KitTypeCount { get; init; } = 3;

    /// <summary>Distance decay of preferences: weight × exp(−km / this).</summary>
    public double PreferenceDecayKm { get; init; } = 8;

    /// <summary>
    /// Plan supply from the choices: offers wanted (1st or 2nd choice) by more pupils than they seat get parallel
    /// groups and staff for them, as schools do once the choices are in. Off by default (the tight regions the
    /// benchmarks started with); the "planned" families turn it on.
    /// </summary>
    public bool SupplyFollowsDemand { get; init; }

    /// <summary>σ of the lognormal attractiveness of an offer.</summary>
    public double PopularitySigma { get; init; } = 0.6;

    /// <summary>The small subregion (Regio C-like): ~300 pupils, 6 schools, ~60 offers, 4 hotspots, 15 km.</summary>
    public static DemoParameters Subregion(int seed) => new() { Seed = seed };

    /// <summary>A large subregion: ~1,000 pupils, 10 schools, ~110 offers, 6 hotspots, 25 km.</summary>
    public static DemoParameters LargeSubregion(int seed) => new()
    {
        Seed = seed,
        PupilCount = 1_000,
        SchoolCount = 10,
        TechnicalSchoolShare = 0.5,
        OfferCount = 110,
        CompanyHotspotCount = 6,
        RegionSizeKm = 25,
    };

    /// <summary>A whole region (PERFORMANCE family L): ~5,000 pupils, 20 schools, ~250 offers, 10 hotspots, 40 km.</summary>
    public static DemoParameters Region(int seed) => new()
    {
        Seed = seed,
        PupilCount = 5_000,
        SchoolCount = 20,
        TechnicalSchoolShare = 0.45,
        OfferCount = 250,
        CompanyHotspotCount = 10,
        MboCollegeCount = 2,
        TradeSchoolCount = 2,
        RegionSizeKm = 40,
        StaffFactor = 0.8,
    };

    /// <summary>
    /// One of the 78 regions of a national run (PERFORMANCE family R1…R78): 640 pupils, 4 schools, 45 offers, one
    /// hotspot, one mbo college and one trade school over 20 km, staff factor 0.75.
    /// </summary>
    public static DemoParameters NationalRegion(int seed, int pupils = 640)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pupils, 1);
        return new()
        {
            Seed = seed,
            PupilCount = pupils,
            SchoolCount = 4,
            OfferCount = 45,
            CompanyHotspotCount = 1,
            MboCollegeCount = 1,
            TradeSchoolCount = 1,
            RegionSizeKm = 20,
            StaffFactor = 0.75,
        };
    }
}
