using Google.OrTools.Sat;

namespace Sto.Scheduler.Engine.Modeling;

/// <summary>
/// How many staff members of one interchangeable <see cref="StaffType"/> work with offer <see cref="Offer"/> in every
/// week of a week class (0..<see cref="Capacity"/>).
/// </summary>
internal sealed record StaffSlot(int Type, int Offer, int WeekClass, bool CountsForRatio, bool IsQualifiedDocent, int Capacity, IntVar Assigned);
