using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Baselines;

/// <summary>
/// Turns the final greedy state into an <see cref="Allocation"/>: groups numbered 1..G per offer, staffing for
/// exactly the weeks each offer meets, placements and unplaced pupils in problem order, buses and the lottery.
/// </summary>
internal static class GreedyDecoder
{
    public const string NoFeasibleChoice = "no-feasible-choice";
    public const string Capacity = "capacity";

    public static Allocation Decode(GreedyState state)
    {
        var numbers = new Dictionary<GreedyGroup, int>();
        var groups = ImmutableArray.CreateBuilder<GroupPlan>();
        foreach (var offer in state.Offers)
        {
            for (var g = 0; g < offer.Groups.Count; g++)
            {
                numbers[offer.Groups[g]] = g + 1;
                groups.Add(ToPlan(state, offer, offer.Groups[g], g + 1));
            }
        }

        var placements = ImmutableArray.CreateBuilder<PupilPlacement>();
        var unplaced = ImmutableArray.CreateBuilder<UnplacedPupil>();
        foreach (var pupil in state.Pupils)
        {
            foreach (var (choice, group) in pupil.Placements.OrderBy(p => p.Choice.Rank))
            {
                placements.Add(new PupilPlacement
                {
                    Pupil = pupil.Pupil.Id,
                    Offer = state.Offers[choice.OfferIndex].Offer.Id,
                    Group = numbers[group],
                    Rank = choice.Rank,
                });
            }

            if (pupil.Placements.Count == 0)
            {
                unplaced.Add(new UnplacedPupil
                {
                    Pupil = pupil.Pupil.Id,
                    Reason = pupil.HasFeasibleChoice ? Capacity : NoFeasibleChoice,
                });
            }
        }

        var placed = placements.ToImmutable();
        return new Allocation
        {
            Placements = placed,
            Groups = groups.ToImmutable(),
            BusTrips = Decoding.BusPlanner.PlanBuses(state.Index, placed),
            Unplaced = unplaced.ToImmutable(),
            Lottery = [.. state.Index.Lottery
                .OrderBy(t => t.Value)
                .Select(t => new LotteryTicket { Pupil = t.Key, Number = t.Value })],
        };
    }

    private static GroupPlan ToPlan(GreedyState state, GreedyOffer offer, GreedyGroup group, int number) => new()
    {
        Offer = offer.Offer.Id,
        Group = number,
        Pupils = [.. group.Pupils.Select(p => state.Pupils[p].Pupil.Id)],
        Staffing = [.. offer.Meetings.Select((meeting, m) => new GroupWeekStaffing
        {
            Week = meeting.Week,
            Staff = [.. group.Staff[m].Select(s => state.Staff[s].Id)],
        })],
    };
}
