using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Baselines;

/// <summary>
/// One week an offer meets, precomputed for the greedy pass: the ledger slots of its venues and kits, the session
/// kind that sets the staff ratio, and the staff who could be there, best first.
/// </summary>
/// <param name="Week">The ISO week.</param>
/// <param name="WeekSlot">Index of the week in the ledger.</param>
/// <param name="VenueSlots">Ledger slots of the distinct venues the offer uses that week; -1 = unknown venue.</param>
/// <param name="KitSlots">Ledger slots of the kits a group needs that week, with the count; -1 = unknown kit.</param>
/// <param name="Kind">Practical when any session of the week is practical (the stricter ratio).</param>
/// <param name="StaffCandidates">Staff indices who can staff, are available and can reach every session that week.</param>
/// <param name="BasedHere">Per candidate: based at a venue of the week or at its school.</param>
internal sealed record GreedyMeeting(
    Week Week,
    int WeekSlot,
    int[] VenueSlots,
    (int Slot, int Count)[] KitSlots,
    SessionKind Kind,
    int[] StaffCandidates,
    bool[] BasedHere);
