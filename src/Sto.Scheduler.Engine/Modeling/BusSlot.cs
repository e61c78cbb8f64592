using Google.OrTools.Sat;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Modeling;

/// <summary>Buses from a school to a venue in weeks that share exactly the same possible riders.</summary>
internal sealed record BusSlot(SchoolId School, VenueId Venue, IReadOnlyList<Week> Weeks, IReadOnlyList<int> Pairs, IntVar Buses);
