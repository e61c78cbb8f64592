using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Feasibility;

/// <summary>How a pupil of a school reaches a venue: mode, road km and one-way minutes.</summary>
public readonly record struct PupilTrip(TravelMode Mode, double DistanceKm, int Minutes);
