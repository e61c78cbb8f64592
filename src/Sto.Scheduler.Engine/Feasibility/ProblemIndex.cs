using System.Collections.Frozen;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Feasibility;

/// <summary>Lookups built once per problem; tolerant of duplicate ids (the first wins; the validator reports them).</summary>
public sealed class ProblemIndex
{
    private ProblemIndex(SchedulingProblem problem)
    {
        Problem = problem;
        Schools = ById(problem.Schools, s => s.Id);
        Venues = ById(problem.Venues, v => v.Id);
        Offers = ById(problem.Offers, o => o.Id);
        Staff = ById(problem.Staff, s => s.Id);
        Pupils = ById(problem.Pupils, p => p.Id);
        Kits = ById(problem.Kits, k => k.Id);
        Travel = TravelTable.Build(problem);
        Lottery = LotteryDraw.Draw(problem);
    }

    public SchedulingProblem Problem { get; }

    public FrozenDictionary<SchoolId, School> Schools { get; }

    public FrozenDictionary<VenueId, Venue> Venues { get; }

    public FrozenDictionary<OfferId, ElectiveOffer> Offers { get; }

    public FrozenDictionary<StaffId, StaffMember> Staff { get; }

    public FrozenDictionary<PupilId, Pupil> Pupils { get; }

    public FrozenDictionary<KitId, EquipmentKit> Kits { get; }

    public TravelTable Travel { get; }

    /// <summary>Each pupil's lottery number (1 = luckiest), drawn from the problem's seed.</summary>
    public FrozenDictionary<PupilId, int> Lottery { get; }

    public static ProblemIndex Build(SchedulingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new ProblemIndex(problem);
    }

    private static FrozenDictionary<TKey, T> ById<TKey, T>(System.Collections.Immutable.ImmutableArray<T> items, Func<T, TKey> key)
        where TKey : notnull
    {
        var map = new Dictionary<TKey, T>();
        foreach (var item in items.NullToEmpty())
        {
            if (item is not null)
            {
                map.TryAdd(key(item), item);
            }
        }

        return map.ToFrozenDictionary();
    }
}
