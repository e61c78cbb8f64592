namespace Sto.Scheduler.Engine.Domain;

/// <summary>
/// How travel is derived from coordinates when no <see cref="TravelLeg"/> is supplied (domain.md §2.10, A8):
/// road km = straight-line km × <see cref="RoadDetourFactor"/>; bike minutes = km × <see cref="BikeMinutesPerKm"/>;
/// bus minutes = <see cref="BusFixedMinutes"/> + km × <see cref="BusMinutesPerKm"/>;
/// car minutes = <see cref="CarFixedMinutes"/> + km × <see cref="CarMinutesPerKm"/>; all rounded up.
/// </summary>
public sealed record TravelModel
{
    public double RoadDetourFactor { get; init; } = 1.3;

    /// <summary>4 min/km = 15 km/h, a pupil on a bike.</summary>
    public double BikeMinutesPerKm { get; init; } = 4.0;

    /// <summary>Boarding, waiting and walking to the door.</summary>
    public double BusFixedMinutes { get; init; } = 15.0;

    /// <summary>1.5 min/km = 40 km/h on the road.</summary>
    public double BusMinutesPerKm { get; init; } = 1.5;

    public double CarFixedMinutes { get; init; } = 5.0;

    public double CarMinutesPerKm { get; init; } = 1.2;
}
