namespace Sto.Scheduler.Engine.Domain;

/// <summary>How a pupil gets to a session.</summary>
public enum TravelMode
{
    /// <summary>The venue is on the pupil's own school site.</summary>
    OnSite = 1,

    /// <summary>By bike (at or below the bus threshold).</summary>
    Bike = 2,

    /// <summary>By the bus the subregion arranges (above the threshold).</summary>
    Bus = 3,
}
