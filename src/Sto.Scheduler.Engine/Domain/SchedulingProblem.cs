using System.Collections.Immutable;

namespace Sto.Scheduler.Engine.Domain;

/// <summary>
/// Everything one allocation run of a subregion needs: the afternoon, the weeks of the period, the rules,
/// schools, venues, offers, staff, pupils, kits and (optionally) travel legs. Immutable; validated by
/// <c>ProblemValidator</c> before solving.
/// </summary>
public sealed record SchedulingProblem
{
    /// <summary>Subregion identifier, e.g. "oost/c".</summary>
    public string Subregion { get; init; } = "";

    public string Name { get; init; } = "";

    public CommonAfternoon Afternoon { get; init; } = new();

    /// <summary>The teaching weeks of the planning period, holidays already left out, ascending.</summary>
    public ImmutableArray<Week> Weeks { get; init; } = [];

    public RegionRules Rules { get; init; } = new();

    public ImmutableArray<School> Schools { get; init; } = [];

    public ImmutableArray<Venue> Venues { get; init; } = [];

    public ImmutableArray<ElectiveOffer> Offers { get; init; } = [];

    public ImmutableArray<StaffMember> Staff { get; init; } = [];

    public ImmutableArray<Pupil> Pupils { get; init; } = [];

    public ImmutableArray<EquipmentKit> Kits { get; init; } = [];

    /// <summary>Supplied travel figures; pairs without a leg are derived from coordinates.</summary>
    public ImmutableArray<TravelLeg> TravelLegs { get; init; } = [];

    /// <summary>Seed of the published lottery that breaks ties between pupils (one number per pupil).</summary>
    public int LotterySeed { get; init; } = 1;
}
