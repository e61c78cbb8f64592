namespace Sto.Scheduler.Engine.Feasibility;

/// <summary>Road distance and minutes per mode between two sites.</summary>
public readonly record struct TravelEstimate(double DistanceKm, int BikeMinutes, int BusMinutes, int CarMinutes);
