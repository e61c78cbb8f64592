using System.Collections.Immutable;

namespace Sto.Scheduler.Engine.Replanning;

/// <summary>What a re-plan changes, for the planner to review before publishing and for the pupil app to push.</summary>
public sealed record AllocationDiff
{
    public ImmutableArray<PupilMove> PupilMoves { get; init; } = [];

    public ImmutableArray<StaffChange> StaffChanges { get; init; } = [];

    public ImmutableArray<BusChange> BusChanges { get; init; } = [];

    /// <summary>Pupils whose offer changed (group changes within an offer are listed but not counted here).</summary>
    public int MovedPupilCount => PupilMoves.Count(m => m.FromOffer is not null && m.FromOffer != m.ToOffer);
}
