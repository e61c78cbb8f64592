using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Replanning;

/// <summary>Buses from a school to a venue in a week before and after a re-plan.</summary>
public sealed record BusChange
{
    public Week Week { get; init; }

    public SchoolId FromSchool { get; init; }

    public VenueId ToVenue { get; init; }

    public int BusesBefore { get; init; }

    public int BusesAfter { get; init; }

    public int PupilsBefore { get; init; }

    public int PupilsAfter { get; init; }
}
