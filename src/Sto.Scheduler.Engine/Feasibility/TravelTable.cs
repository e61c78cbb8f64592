using System.Collections.Frozen;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Feasibility;

/// <summary>
/// Travel between schools and venues: a supplied <see cref="TravelLeg"/> where there is one (either direction),
/// otherwise derived from coordinates with the region's <see cref="TravelModel"/> (domain.md §2.10).
/// </summary>
public sealed class TravelTable
{
    private readonly FrozenDictionary<(string From, string To), TravelLeg> _legs;
    private readonly FrozenDictionary<string, GeoPoint> _locations;
    private readonly FrozenDictionary<string, SchoolId?> _venueSchools;
    private readonly TravelModel _model;
    private readonly double _busThresholdKm;

    private TravelTable(SchedulingProblem problem)
    {
        _model = problem.Rules.Travel;
        _busThresholdKm = problem.Rules.BusThresholdKm;

        var legs = new Dictionary<(string, string), TravelLeg>();
        foreach (var leg in problem.TravelLegs.NullToEmpty())
        {
            legs.TryAdd((leg.From, leg.To), leg);
        }

        _legs = legs.ToFrozenDictionary();

        var locations = new Dictionary<string, GeoPoint>(StringComparer.Ordinal);
        foreach (var school in problem.Schools.NullToEmpty())
        {
            if (school.Id.Value is not null)
            {
                locations.TryAdd(school.Id.Value, school.Location);
            }
        }

        var venueSchools = new Dictionary<string, SchoolId?>(StringComparer.Ordinal);
        foreach (var venue in problem.Venues.NullToEmpty())
        {
            if (venue.Id.Value is not null)
            {
                locations.TryAdd(venue.Id.Value, venue.Location);
                venueSchools.TryAdd(venue.Id.Value, venue.School);
            }
        }

        _locations = locations.ToFrozenDictionary(StringComparer.Ordinal);
        _venueSchools = venueSchools.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Builds the table for a problem; tolerant of invalid input (unknown sites get no estimate).</summary>
    public static TravelTable Build(SchedulingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new TravelTable(problem);
    }

    /// <summary>True when the site id is a known school or venue.</summary>
    public bool Knows(string site) => site is not null && _locations.ContainsKey(site);

    /// <summary>Travel between two known sites; a missing leg falls back to the reverse leg, then to coordinates.</summary>
    public TravelEstimate Between(string from, string to)
    {
        if (from == to)
        {
            return new TravelEstimate(0, 0, 0, 0);
        }

        if (_legs.TryGetValue((from, to), out var leg) || _legs.TryGetValue((to, from), out leg))
        {
            return new TravelEstimate(leg.DistanceKm, leg.BikeMinutes, leg.BusMinutes, leg.CarMinutes);
        }

        if (!_locations.TryGetValue(from, out var a) || !_locations.TryGetValue(to, out var b))
        {
            throw new KeyNotFoundException($"Unknown site '{(_locations.ContainsKey(from) ? to : from)}'.");
        }

        var roadKm = a.StraightLineKmTo(b) * _model.RoadDetourFactor;
        return new TravelEstimate(
            roadKm,
            (int)Math.Ceiling(roadKm * _model.BikeMinutesPerKm),
            (int)Math.Ceiling(_model.BusFixedMinutes + roadKm * _model.BusMinutesPerKm),
            (int)Math.Ceiling(_model.CarFixedMinutes + roadKm * _model.CarMinutesPerKm));
    }

    /// <summary>How a pupil of the school reaches the venue: on site, by bike, or by bus above the threshold.</summary>
    public PupilTrip PupilTrip(SchoolId school, VenueId venue)
    {
        if (_venueSchools.TryGetValue(venue.Value, out var owner) && owner == school)
        {
            return new PupilTrip(TravelMode.OnSite, 0, 0);
        }

        var estimate = Between(school.Value, venue.Value);
        return estimate.DistanceKm > _busThresholdKm
            ? new PupilTrip(TravelMode.Bus, estimate.DistanceKm, estimate.BusMinutes)
            : new PupilTrip(TravelMode.Bike, estimate.DistanceKm, estimate.BikeMinutes);
    }

    /// <summary>Minutes a staff member needs from their base site to the venue (by car).</summary>
    public int StaffMinutes(string baseSite, VenueId venue) =>
        baseSite == venue.Value ? 0 : Between(baseSite, venue.Value).CarMinutes;
}
