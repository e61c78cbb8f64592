using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Baselines;

/// <summary>
/// Everything the greedy pass reads and changes, built once per problem: offers with their meeting weeks, pupils
/// with their feasible choices, staff facts, and the resource <see cref="GreedyLedger"/>. Duplicate ids: the first wins.
/// </summary>
internal sealed class GreedyState
{
    private GreedyState(SchedulingProblem problem)
    {
        Problem = problem;
        Index = ProblemIndex.Build(problem);
        Staff = Distinct(problem.Staff, s => s.Id);
        CountsForRatio = [.. Staff.Select(s => StaffRules.CountsForRatio(s, problem.Rules))];
        IsQualifiedDocent = [.. Staff.Select(StaffRules.IsQualifiedDocent)];

        var sessions = problem.Offers.NullToEmpty().Where(o => o is not null)
            .SelectMany(o => o.Sessions.NullToEmpty()).Where(s => s is not null);
        Weeks = [.. problem.Weeks.NullToEmpty().Concat(sessions.Select(s => s.Week)).Distinct().Order()];
        var venues = Distinct(problem.Venues, v => v.Id);
        var kits = Distinct(problem.Kits, k => k.Id);
        Ledger = new GreedyLedger(Weeks, venues, kits, Staff.Length);

        var factory = new GreedyOfferFactory(this, venues, kits);
        Offers = [.. Distinct(problem.Offers, o => o.Id).Select(factory.Create)];
        OfferIndex = Offers.Select((o, i) => (o.Offer.Id, i)).ToDictionary(x => x.Id, x => x.i);
        StaffDemand = new int[Staff.Length, Weeks.Length];
        foreach (var meeting in Offers.SelectMany(o => o.Meetings))
        {
            foreach (var staff in meeting.StaffCandidates)
            {
                StaffDemand[staff, meeting.WeekSlot]++;
            }
        }

        var filter = new CandidateFilter(problem, Index);
        Pupils = [.. Distinct(problem.Pupils, p => p.Id).Select(p => CreatePupil(p, filter))];
        PupilIndex = Pupils.Select((p, i) => (p.Pupil.Id, i)).ToDictionary(x => x.Id, x => x.i);
    }

    public SchedulingProblem Problem { get; }

    public ProblemIndex Index { get; }

    public RegionRules Rules => Problem.Rules;

    /// <summary>Every week that appears in the problem or a session, ascending; the ledger's week slots.</summary>
    public Week[] Weeks { get; }

    public StaffMember[] Staff { get; }

    public bool[] CountsForRatio { get; }

    public bool[] IsQualifiedDocent { get; }

    public GreedyOffer[] Offers { get; }

    /// <summary>Per staff member and week slot: how many offers meeting that week could use them.</summary>
    public int[,] StaffDemand { get; }

    public Dictionary<OfferId, int> OfferIndex { get; }

    /// <summary>Distinct pupils in problem order.</summary>
    public GreedyPupil[] Pupils { get; }

    public Dictionary<PupilId, int> PupilIndex { get; }

    public GreedyLedger Ledger { get; }

    public static GreedyState Build(SchedulingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new GreedyState(problem);
    }

    private GreedyPupil CreatePupil(Pupil pupil, CandidateFilter filter)
    {
        var choices = new List<GreedyChoice>();
        var seen = new HashSet<int>();
        var anyFeasible = false;
        foreach (var choice in pupil.Choices.NullToEmpty().Where(c => c is not null).OrderBy(c => c.Rank))
        {
            if (!OfferIndex.TryGetValue(choice.Offer, out var offerIndex) || !seen.Add(offerIndex))
            {
                continue;
            }

            var offer = Offers[offerIndex].Offer;
            if (filter.Check(pupil, offer).IsFeasible)
            {
                anyFeasible = true;
                choices.Add(new GreedyChoice(
                    offerIndex,
                    choice.Rank,
                    filter.IsAwayFromOwnSite(pupil, offer),
                    CandidateFilter.IsFromOtherSchool(pupil, offer)));
            }
        }

        return new GreedyPupil(pupil, [.. choices], anyFeasible);
    }

    private static T[] Distinct<T, TKey>(System.Collections.Immutable.ImmutableArray<T> items, Func<T, TKey> key)
        where T : class
        where TKey : notnull
    {
        var seen = new HashSet<TKey>();
        return [.. items.NullToEmpty().Where(item => item is not null && seen.Add(key(item)))];
    }
}
