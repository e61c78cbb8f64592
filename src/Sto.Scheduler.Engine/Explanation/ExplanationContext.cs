using System.Collections.Frozen;
using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Explanation;

/// <summary>
/// The problem's lookups and what the allocation uses of every shared resource, built once and read by the
/// explainer, the diagnosis and the fairness report. Tolerant of unknown ids: they are left out.
/// </summary>
internal sealed class ExplanationContext
{
    private readonly FrozenDictionary<PupilId, int> _lottery;
    private readonly Dictionary<PupilId, List<PupilPlacement>> _placements = [];
    private readonly Dictionary<OfferId, List<GroupPlan>> _groups = [];
    private readonly Dictionary<(VenueId Venue, Week Week), int> _venueLoad = [];
    private readonly Dictionary<(KitId Kit, Week Week), int> _kitUse = [];
    private readonly HashSet<(StaffId Staff, Week Week)> _busy = [];

    public ExplanationContext(SchedulingProblem problem, Allocation allocation)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(allocation);
        Problem = problem;
        Allocation = allocation;
        Index = ProblemIndex.Build(problem);
        Filter = new CandidateFilter(problem, Index);
        _lottery = allocation.Lottery.IsDefaultOrEmpty
            ? Index.Lottery
            : allocation.Lottery.Where(t => t is not null).DistinctBy(t => t.Pupil).ToFrozenDictionary(t => t.Pupil, t => t.Number);

        foreach (var placement in allocation.Placements.NullToEmpty().Where(p => p is not null && Index.Offers.ContainsKey(p.Offer)))
        {
            Add(_placements, placement.Pupil, placement);
        }

        foreach (var group in allocation.Groups.NullToEmpty().Where(g => g is not null))
        {
            if (Index.Offers.TryGetValue(group.Offer, out var offer))
            {
                Add(_groups, group.Offer, group);
                CountResources(group, offer);
            }
        }
    }

    public SchedulingProblem Problem { get; }

    public Allocation Allocation { get; }

    public ProblemIndex Index { get; }

    public CandidateFilter Filter { get; }

    public RegionRules Rules => Problem.Rules;

    /// <summary>The pupil's placements in known offers, best rank first.</summary>
    public ImmutableArray<PupilPlacement> PlacementsOf(PupilId pupil) =>
        _placements.TryGetValue(pupil, out var list) ? [.. list.OrderBy(p => p.Rank)] : [];

    /// <summary>The running groups of an offer, by group number.</summary>
    public ImmutableArray<GroupPlan> GroupsOf(OfferId offer) =>
        _groups.TryGetValue(offer, out var list) ? [.. list.OrderBy(g => g.Group)] : [];

    /// <summary>The distinct known pupils placed in an offer, over all its groups.</summary>
    public ImmutableArray<Pupil> HoldersOf(OfferId offer) =>
    [
        .. GroupsOf(offer).SelectMany(g => g.Pupils.NullToEmpty()).Distinct()
            .Select(id => Index.Pupils.GetValueOrDefault(id)).OfType<Pupil>(),
    ];

    public int VenueLoad(VenueId venue, Week week) => _venueLoad.GetValueOrDefault((venue, week));

    public int KitUse(KitId kit, Week week) => _kitUse.GetValueOrDefault((kit, week));

    public bool IsBusy(StaffId staff, Week week) => _busy.Contains((staff, week));

    /// <summary>The pupil's lottery number: the published one of the allocation, else the problem's draw.</summary>
    public int LotteryOf(PupilId pupil) => _lottery.TryGetValue(pupil, out var number) ? number : int.MaxValue;

    /// <summary>The rank the pupil gave the offer, or null when they did not rank it.</summary>
    public static int? RankOf(Pupil pupil, OfferId offer) =>
        pupil.Choices.NullToEmpty().FirstOrDefault(c => c is not null && c.Offer == offer)?.Rank;

    /// <summary>
    /// True when the pupil would rather have a choice of this rank than their result: they are unplaced, or the rank
    /// beats their worst placement and is not one of their placements.
    /// </summary>
    public bool Prefers(Pupil pupil, ElectiveChoice choice)
    {
        var placements = PlacementsOf(pupil.Id);
        if (placements.Length == 0)
        {
            return true;
        }

        return choice.Rank < placements.Max(p => p.Rank) && !placements.Any(p => p.Offer == choice.Offer);
    }

    /// <summary>The distinct weeks the offer meets, ascending.</summary>
    public static ImmutableArray<Week> MeetingWeeks(ElectiveOffer offer) =>
        [.. offer.Sessions.NullToEmpty().Where(s => s is not null).Select(s => s.Week).Distinct().Order()];

    /// <summary>The offer's sessions in one week.</summary>
    public static ImmutableArray<Session> SessionsIn(ElectiveOffer offer, Week week) =>
        [.. offer.Sessions.NullToEmpty().Where(s => s is not null && s.Week == week)];

    private void CountResources(GroupPlan group, ElectiveOffer offer)
    {
        var size = group.Pupils.NullToEmpty().Distinct().Count();
        foreach (var place in offer.Sessions.NullToEmpty().Where(s => s is not null).Select(s => (s.Venue, s.Week)).Distinct())
        {
            _venueLoad[place] = _venueLoad.GetValueOrDefault(place) + size;
        }

        foreach (var week in MeetingWeeks(offer))
        {
            foreach (var need in offer.Kits.NullToEmpty().Where(k => k is not null))
            {
                _kitUse[(need.Kit, week)] = _kitUse.GetValueOrDefault((need.Kit, week)) + need.CountPerGroup;
            }
        }

        foreach (var entry in group.Staffing.NullToEmpty().Where(e => e is not null))
        {
            foreach (var staff in entry.Staff.NullToEmpty())
            {
                _busy.Add((staff, entry.Week));
            }
        }
    }

    private static void Add<TKey, T>(Dictionary<TKey, List<T>> map, TKey key, T item)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(item);
    }
}
