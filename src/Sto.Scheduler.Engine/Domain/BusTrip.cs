namespace Sto.Scheduler.Engine.Domain;

/// <summary>Buses the subregion orders: from a school to a venue in one week, and back.</summary>
public sealed record BusTrip
{
    public Week Week { get; init; }

    public SchoolId FromSchool { get; init; }

    public VenueId ToVenue { get; init; }

    public int PupilCount { get; init; }

    public int BusCount { get; init; }

    /// <summary>When the bus leaves the school: the earliest session start of its riders minus the ride.</summary>
    public TimeOnly Departure { get; init; }

    /// <summary>When the bus leaves the venue to bring the pupils back: the latest session end of its riders.</summary>
    public TimeOnly ReturnDeparture { get; init; }
}
