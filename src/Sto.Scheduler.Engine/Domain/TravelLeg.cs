namespace Sto.Scheduler.Engine.Domain;

/// <summary>
/// A supplied travel figure between two sites (school or venue ids), e.g. from a route planner.
/// Where no leg is supplied the engine derives one from coordinates with <see cref="TravelModel"/>.
/// </summary>
public sealed record TravelLeg
{
    /// <summary>School or venue id the trip starts at.</summary>
    public string From { get; init; } = "";

    /// <summary>School or venue id the trip ends at.</summary>
    public string To { get; init; } = "";

    /// <summary>Road distance in km; decides bike or bus.</summary>
    public double DistanceKm { get; init; }

    public int BikeMinutes { get; init; }

    /// <summary>Door-to-door minutes by the subregion's bus, boarding included.</summary>
    public int BusMinutes { get; init; }

    /// <summary>Minutes by car, used for staff.</summary>
    public int CarMinutes { get; init; }
}
