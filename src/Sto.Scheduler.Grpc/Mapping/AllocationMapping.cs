using Google.Protobuf.WellKnownTypes;
using Sto.Scheduler.Engine.Solving;
using V1 = Sto.Scheduler.Api.V1;
using Domain = Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Grpc.Mapping;

/// <summary>The Engine's answer → wire messages. Domain ids are resource names, so they map one to one.</summary>
public static class AllocationMapping
{
    public static V1.Allocation ToProto(Domain.Allocation a, string name) => new()
    {
        Name = name,
        Placements = { a.Placements.Select(p => new V1.Placement { Pupil = p.Pupil.Value, ElectiveOffer = p.Offer.Value, Group = p.Group, Rank = p.Rank }) },
        Groups =
        {
            a.Groups.Select(g => new V1.Group
            {
                ElectiveOffer = g.Offer.Value,
                Group_ = g.Group,
                Pupils = { g.Pupils.Select(p => p.Value) },
                Staffing = { g.Staffing.Select(s => new V1.GroupWeekStaffing { Week = s.Week.ToString(), StaffMembers = { s.Staff.Select(x => x.Value) } }) },
            }),
        },
        BusTrips =
        {
            a.BusTrips.Select(b => new V1.BusTrip
            {
                Week = b.Week.ToString(), School = b.FromSchool.Value, Venue = b.ToVenue.Value,
                PupilCount = b.PupilCount, BusCount = b.BusCount,
                DepartureTime = b.Departure.ToTimeOfDay(), ReturnDepartureTime = b.ReturnDeparture.ToTimeOfDay(),
            }),
        },
        UnplacedPupils = { a.Unplaced.Select(u => new V1.UnplacedPupil { Pupil = u.Pupil.Value, Reason = u.Reason }) },
        LotteryTickets = { a.Lottery.Select(t => new V1.LotteryTicket { Pupil = t.Pupil.Value, Number = t.Number }) },
    };

    public static V1.AllocationQuality ToProto(Domain.AllocationQuality q) => new()
    {
        PupilCount = q.PupilCount,
        PlacedCount = q.PlacedCount,
        UnplacedCount = q.UnplacedCount,
        PlacementsByRank = { q.PlacementsByRank },
        FirstChoiceRate = q.FirstChoiceRate,
        TopThreeRate = q.TopThreeRate,
        WorstRank = q.WorstRank,
        RankCost = q.RankCost,
        Schools =
        {
            q.Schools.Select(s => new V1.SchoolQuality
            {
                School = s.School.Value, PupilCount = s.PupilCount, PlacedCount = s.PlacedCount,
                FirstChoiceCount = s.FirstChoiceCount, FirstChoiceRate = s.FirstChoiceRate, MeanRank = s.MeanRank,
            }),
        },
        RunningGroupCount = q.RunningGroups,
        ClosedOfferCount = q.ClosedOffers,
        GroupFillRate = q.GroupFillRate,
        StaffAfternoonCount = q.StaffAfternoons,
        BusAfternoonCount = q.BusAfternoons,
        TravelMinutes = q.TravelMinutes,
        ExternalPlacementCount = q.ExternalPlacements,
        NearMisses =
        {
            q.NearMisses.Select(n => new V1.OfferNearMiss
            {
                ElectiveOffer = n.Offer.Value, MinGroupSize = n.MinGroupSize, InterestedPupilCount = n.InterestedPupils,
                FirstChoicePupilCount = n.FirstChoicePupils, ShortByCount = n.ShortBy,
            }),
        },
    };

    /// <summary>
    /// A live report, shaped for a progress bar: the gap lies in [0, 1], and a bound that would make it larger
    /// (not meaningful yet, e.g. a negative LP bound early in a tier) is left unset with gap 1.
    /// </summary>
    public static V1.RunProgress ToProto(SolveProgress p, IEnumerable<TierResult> finishedTiers)
    {
        var progress = new V1.RunProgress
        {
            Tier = p.Tier,
            TierNumber = p.TierNumber,
            TierCount = p.TierCount,
            Objective = p.Objective,
            Elapsed = Duration.FromTimeSpan(p.Elapsed),
            FinishedTiers = { finishedTiers.Select((t, i) => ToProto(t, i + 1)) },
        };
        (progress.Gap, var meaningful) = ShownGap(p.Gap);
        if (meaningful)
        {
            progress.BestBound = p.BestBound;
        }

        return progress;
    }

    /// <summary>
    /// The final report of a finished run: the last tier's final values and every tier's result; null without tiers.
    /// <paramref name="tierCount"/> is the number of tiers the search had (more than ran when it was cancelled).
    /// </summary>
    public static V1.RunProgress? FinalProgress(SolveStatistics statistics, int tierCount = 0)
    {
        if (statistics.Tiers.IsDefaultOrEmpty)
        {
            return null;
        }

        var last = statistics.Tiers[^1];
        var progress = ToProto(
            new SolveProgress
            {
                Tier = last.Tier, TierNumber = statistics.Tiers.Length, TierCount = Math.Max(tierCount, statistics.Tiers.Length),
                Objective = last.Objective, BestBound = last.BestBound, Gap = last.Gap, Elapsed = statistics.Elapsed,
            },
            statistics.Tiers);
        progress.Final = true;
        return progress;
    }

    private static V1.TierProgress ToProto(TierResult t, int number)
    {
        var tier = new V1.TierProgress { Tier = t.Tier, TierNumber = number, Objective = t.Objective, ProvenOptimal = t.IsProvenOptimal };
        (tier.Gap, var meaningful) = ShownGap(t.Gap);
        if (meaningful)
        {
            tier.BestBound = t.BestBound;
            tier.BoundSource = t.BoundSource;
        }

        return tier;
    }

    /// <summary>The gap clamped to [0, 1], and whether the bound behind it is worth showing (gap at most 1).</summary>
    private static (double Gap, bool Meaningful) ShownGap(double gap) =>
        double.IsFinite(gap) && gap <= 1 ? (Math.Max(0, gap), true) : (1, false);

    public static V1.SolveStatus ToProto(SolveStatus status) => status switch
    {
        SolveStatus.Optimal => V1.SolveStatus.Optimal,
        SolveStatus.Feasible => V1.SolveStatus.Feasible,
        SolveStatus.Cancelled => V1.SolveStatus.Stopped,
        _ => V1.SolveStatus.Unspecified,
    };
}
