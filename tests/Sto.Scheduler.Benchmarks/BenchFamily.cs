using System.Globalization;
using Sto.Scheduler.Engine.DemoData;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Benchmarks;

/// <summary>
/// An instance family of issue 5 / PERFORMANCE.md §5: a name and the generator parameters for a seed. The engine's
/// presets are used as they are; the stress family (~15,000 pupils) has no engine preset and is set here.
/// </summary>
internal sealed record BenchFamily(string Name, Func<int, DemoParameters> Parameters)
{
    public static IReadOnlyList<BenchFamily> All { get; } =
    [
        new("subregion", DemoParameters.Subregion),
        new("large", DemoParameters.LargeSubregion),
        new("region", DemoParameters.Region),
        new("stress", Stress),
        new("national", seed => DemoParameters.NationalRegion(seed)),
        new("subregion-planned", seed => DemoParameters.Subregion(seed) with { SupplyFollowsDemand = true }),
        new("large-planned", seed => DemoParameters.LargeSubregion(seed) with { SupplyFollowsDemand = true }),
        new("region-planned", seed => DemoParameters.Region(seed) with { SupplyFollowsDemand = true }),
    ];

    /// <summary>A stress region of ~15,000 pupils: three regions' worth of schools and offers over 60 km.</summary>
    public static DemoParameters Stress(int seed) => new()
    {
        Seed = seed,
        PupilCount = 15_000,
        SchoolCount = 50,
        TechnicalSchoolShare = 0.45,
        OfferCount = 700,
        CompanyHotspotCount = 25,
        MboCollegeCount = 5,
        TradeSchoolCount = 5,
        RegionSizeKm = 60,
        StaffFactor = 0.8,
    };

    public static BenchFamily Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown family '{name}'. Use {string.Join(", ", All.Select(f => f.Name))}.");

    /// <summary>The old <c>--sizes</c> option: a pupil count picks the family of that size.</summary>
    public static BenchFamily ForSize(int pupils) => pupils switch
    {
        <= 300 => All[0],
        <= 1000 => All[1],
        <= 5000 => All[2],
        _ => All[3],
    };

    /// <summary>Families from <c>--families a,b</c>, else from <c>--sizes 300,5000</c>, else the fallback.</summary>
    public static IReadOnlyList<BenchFamily> Parse(string? families, string? sizes, string fallback) =>
        families is not null ? [.. families.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Find)]
        : sizes is not null ? [.. sizes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => ForSize(int.Parse(s, CultureInfo.InvariantCulture)))]
        : [.. fallback.Split(',').Select(Find)];
}

/// <summary>
/// M1 / M2 of PERFORMANCE.md §1.1. The engine always models buses as a hard rule (riders ≤ seats × buses) and prices
/// them in the travel tier (tier 3); the variants differ only in that price:
/// M2 "buses" is the engine as shipped (<see cref="ObjectiveSettings.BusCostInTravelMinutes"/> = 120);
/// M1 "no buses" sets it to 0, so bus pooling is not part of the objective (the travel tier then minimises pupil
/// minutes only). The first tier (placement + preference) contains no bus term in either variant: time-to-gap on the
/// first tier differs only by noise; the bus work shows in the total time and the later tiers' gaps.
/// </summary>
internal static class BenchVariant
{
    public const string NoBuses = "M1";
    public const string Buses = "M2";

    public static IReadOnlyList<string> Parse(string? text) =>
        text is null ? [NoBuses, Buses]
        : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => v.ToUpperInvariant() switch
        {
            NoBuses or Buses => v.ToUpperInvariant(),
            _ => throw new ArgumentException($"Unknown variant '{v}'. Use M1 (no buses) or M2 (buses)."),
        })];

    public static SchedulingProblem Apply(SchedulingProblem problem, string variant) => variant == NoBuses
        ? problem with { Rules = problem.Rules with { Objective = problem.Rules.Objective with { BusCostInTravelMinutes = 0 } } }
        : problem;

    public static string Describe(string variant) => variant == NoBuses ? "M1 no buses" : "M2 buses";
}
