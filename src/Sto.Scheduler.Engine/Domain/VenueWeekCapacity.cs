namespace Sto.Scheduler.Engine.Domain;

/// <summary>Overrides a venue's pupil capacity in one week; 0 closes the venue that week.</summary>
public sealed record VenueWeekCapacity
{
    public Week Week { get; init; }

    public int PupilCapacity { get; init; }
}
