using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.DemoData;

/// <summary>
/// The mutable pass behind <see cref="DemoSubregionGenerator"/>: one seeded <see cref="Random"/>, consumed in a
/// fixed order (weeks, schools, sites, offers, seats, kits, staff, pupils), so a seed always gives the same problem.
/// </summary>
internal sealed partial class DemoProblemBuilder(DemoParameters parameters)
{
    private static readonly TimeOnly UsualStart = new(13, 30);
    private static readonly TimeOnly UsualEnd = new(15, 30);

    private readonly DemoParameters _p = parameters;
    private readonly Random _random = new(parameters.Seed);
    private readonly List<Week> _weeks = [];
    private readonly List<School> _schools = [];
    private readonly HashSet<SchoolId> _technicalSchools = [];
    private readonly List<ExternalSite> _externalSites = [];
    private readonly List<Hotspot> _hotspots = [];
    private readonly List<ElectiveOffer> _offers = [];
    private readonly List<EquipmentKit> _kits = [];
    private readonly List<StaffMember> _staff = [];
    private readonly List<Pupil> _pupils = [];
    private readonly List<Venue> _venues = [];

    public SchedulingProblem Build()
    {
        AddWeeks();
        AddSchools();
        AddExternalSites();
        AddHotspots();
        AddOffers();
        AddVenues();
        AddStaff();
        AddPupils();
        PlanSupplyForDemand();
        return Assemble();
    }

    private SchedulingProblem Assemble() => new()
    {
        Subregion = "oost/twente-demo",
        Name = $"Demo subregion (seed {_p.Seed}): {_schools.Count} schools, {_offers.Count} offers, {_pupils.Count} pupils",
        Afternoon = new CommonAfternoon(),
        Weeks = [.. _weeks],
        Rules = new RegionRules(),
        Schools = [.. _schools],
        Venues = [.. _venues],
        Offers = [.. _offers],
        Staff = [.. _staff],
        Pupils = [.. _pupils],
        Kits = [.. _kits],
        TravelLegs = [],
        LotterySeed = _p.Seed,
    };

    /// <summary>The period: consecutive ISO weeks from the first week, the holiday week left out.</summary>
    private void AddWeeks()
    {
        var week = _p.FirstWeek;
        while (_weeks.Count < _p.WeekCount)
        {
            if (week != _p.HolidayWeek)
            {
                _weeks.Add(week);
            }

            week = week.Next();
        }
    }

    private GeoPoint Offset(GeoPoint from, double eastKm, double northKm)
    {
        var latitude = from.Latitude + (northKm / 111.32);
        var longitude = from.Longitude + (eastKm / (111.32 * Math.Cos(from.Latitude * Math.PI / 180.0)));
        return new GeoPoint(Math.Round(latitude, 5), Math.Round(longitude, 5));
    }

    private GeoPoint NearBy(GeoPoint from, double minKm, double maxKm)
    {
        var angle = _random.Uniform(0, 2 * Math.PI);
        var km = _random.Uniform(minKm, maxKm);
        return Offset(from, km * Math.Cos(angle), km * Math.Sin(angle));
    }

    private string StaffName() =>
        $"{DemoNames.Initials[_random.Next(DemoNames.Initials.Length)]}. {_random.Pick(DemoNames.Surnames)}";

    private string Address(string town) => $"{_random.Pick(DemoNames.Streets)} {_random.Between(1, 180)}, {town}";

    /// <summary>An mbo college or trade school with host-less offers.</summary>
    private sealed record ExternalSite(VenueId Id, string Name, VenueKind Kind, GeoPoint Location, string Address);

    /// <summary>A company hosting the practical weeks of hybrid offers of one school.</summary>
    private sealed record Hotspot(Venue Venue, School Anchor, string Profile, string Company, ImmutableArray<Week> OfferWeeks);
}
