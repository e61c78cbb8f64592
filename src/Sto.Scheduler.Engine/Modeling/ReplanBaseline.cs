using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Modeling;

/// <summary>
/// The published allocation a re-plan starts from: each pupil's offer and group, and the pupils moved in an
/// earlier re-plan (moving them again costs more than moving everyone else).
/// </summary>
internal sealed record ReplanBaseline(
    IReadOnlyDictionary<PupilId, (OfferId Offer, int Group)> Placements,
    IReadOnlySet<PupilId> RecentlyMoved,
    Allocation? Allocation = null);
