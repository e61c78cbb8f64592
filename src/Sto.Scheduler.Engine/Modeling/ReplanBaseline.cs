using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Modeling;

/// <summary>
/// The published allocation a re-plan starts from: each pupil's offer and group, and the pupils moved in an
/// earlier re-plan (moving them again costs more than moving everyone else).
/// </summary>
internal sealed record ReplanBaseline(
    IReadOnlyDictionary<PupilId, (OfferId Offer, int Group)> Placements,
    IReadOnlySet<PupilId> RecentlyMoved,
    Allocation? Allocation = null)
{
    private HashSet<PupilId>? _leftOut;

    /// <summary>
    /// Whether the re-plan's first tier counts the pupil when they end without a place: they had one in the published
    /// plan, or joined since (in neither its placements nor its unplaced list).
    /// </summary>
    public bool IsProtected(PupilId pupil)
    {
        if (Placements.ContainsKey(pupil))
        {
            return true;
        }

        _leftOut ??= Allocation?.Unplaced.Select(u => u.Pupil).ToHashSet();
        return _leftOut is not null && !_leftOut.Contains(pupil);
    }
}
