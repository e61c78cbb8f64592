using Google.OrTools.Sat;

namespace Sto.Scheduler.Engine.Modeling;

/// <summary>Staff member <see cref="Staff"/> works with offer <see cref="Offer"/> in every week of a week class.</summary>
internal sealed record StaffSlot(int Staff, int Offer, int WeekClass, bool CountsForRatio, bool IsQualifiedDocent, BoolVar Assigned);
