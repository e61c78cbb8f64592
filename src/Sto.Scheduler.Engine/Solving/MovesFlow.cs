using Google.OrTools.Graph;
using Sto.Scheduler.Engine.Modeling;

namespace Sto.Scheduler.Engine.Solving;

/// <summary>
/// Re-seats the placed pupils of a re-plan's starting plan so that as few pupils of the published plan as possible
/// leave their offer, keeping every offer's pupil count: a min-cost flow from pupils to the offers that run (own
/// pupils straight in, other schools' pupils through a gate of the open seats), where a published pupil costs their
/// move weight in any offer but their own. Counts, groups, staff, venues and kits stay as they were, so the plan stays
/// feasible; the chains of the greedy repair (each found for one pupil at a time) become one global optimum for those
/// counts (region, a cancelled hotspot week: 43 moved → see README "Re-plan").
/// </summary>
internal static class MovesFlow
{
    /// <summary>The plan (variable values) with its placements re-seated, or the same array when nothing improves or k &gt; 1.</summary>
    public static long[] Improve(AllocationModel model, long[] values)
    {
        if (model.Baseline is null || model.Index.Problem.Rules.MaxPlacementsPerPupil != 1)
        {
            return values;
        }

        var pupils = model.Pupils.Length;
        var offers = model.Offers.Length;
        var firstPupil = 0;
        var firstOffer = pupils;
        var firstGate = firstOffer + offers;
        var sink = firstGate + offers;

        var counts = new int[offers];
        var placedPupils = new HashSet<int>();
        foreach (var pair in model.Pairs)
        {
            if (values[pair.Place.GetIndex()] == 1)
            {
                counts[pair.Offer]++;
                placedPupils.Add(pair.Pupil);
            }
        }

        var flow = new MinCostFlow();
        foreach (var p in placedPupils)
        {
            flow.SetNodeSupply(firstPupil + p, 1);
        }

        // Each running offer keeps its option (groups and staff): its count may range over the option's sizes, the
        // option's minimum forced by a cost below any saving in moves, and grow only into its share of the slack of
        // every venue-week it meets in, so venues stay within capacity whatever the other offers do.
        var room = RoomToGrow(model, counts);
        var mandatory = -(model.MoveWeights.Sum() + 1);
        long mandatorySeats = 0;
        for (var o = 0; o < offers; o++)
        {
            if (counts[o] > 0)
            {
                var option = model.Options[o]![ChosenOption(model, values, o)];
                mandatorySeats += option.MinPupils;
                var upper = Math.Min(option.MaxPupils, counts[o] + room[o]);
                flow.AddArcWithCapacityAndUnitCost(firstOffer + o, sink, option.MinPupils, mandatory);
                flow.AddArcWithCapacityAndUnitCost(firstOffer + o, sink, upper - option.MinPupils, 0);
                flow.AddArcWithCapacityAndUnitCost(firstGate + o, firstOffer + o, Math.Max(0, model.Offers[o].OpenSeats), 0);
            }
        }

        flow.SetNodeSupply(sink, -placedPupils.Count);
        var arcs = new List<(int Arc, CandidatePair Pair)>();
        long before = 0;
        foreach (var pair in model.Pairs)
        {
            if (!placedPupils.Contains(pair.Pupil) || counts[pair.Offer] == 0)
            {
                continue;
            }

            var cost = MoveCost(model, pair);
            before += values[pair.Place.GetIndex()] * cost;
            var head = pair.IsOwnPupilOfHost ? firstOffer + pair.Offer : firstGate + pair.Offer;
            arcs.Add((flow.AddArcWithCapacityAndUnitCost(firstPupil + pair.Pupil, head, 1, cost), pair));
        }

        var solved = flow.Solve();
        if (solved != MinCostFlowBase.Status.OPTIMAL || flow.OptimalCost() - (mandatory * mandatorySeats) >= before)
        {
            return values;
        }

        var improved = (long[])values.Clone();
        foreach (var (arc, pair) in arcs)
        {
            improved[pair.Place.GetIndex()] = flow.Flow(arc) > 0 ? 1 : 0;
        }

        HintBuilder.SetBuses(model, improved);
        return improved;
    }

    private static int ChosenOption(AllocationModel model, long[] values, int offer) =>
        Array.FindIndex(model.OptionVars[offer]!, v => values[v.GetIndex()] == 1);

    /// <summary>Per offer, how many pupils it may gain: its even share of the free places of each venue-week it meets in.</summary>
    private static int[] RoomToGrow(AllocationModel model, int[] counts)
    {
        var load = new Dictionary<(Domain.VenueId, Domain.Week), (int Pupils, int Offers)>();
        for (var o = 0; o < model.Offers.Length; o++)
        {
            if (counts[o] == 0)
            {
                continue;
            }

            foreach (var session in model.Offers[o].Sessions)
            {
                var (pupils, sharing) = load.GetValueOrDefault((session.Venue, session.Week));
                load[(session.Venue, session.Week)] = (pupils + counts[o], sharing + 1);
            }
        }

        var room = new int[model.Offers.Length];
        for (var o = 0; o < model.Offers.Length; o++)
        {
            room[o] = counts[o] == 0 ? 0 : int.MaxValue;
            foreach (var session in model.Offers[o].Sessions)
            {
                if (counts[o] == 0 || !model.Index.Venues.TryGetValue(session.Venue, out var venue))
                {
                    continue;
                }

                var (pupils, sharing) = load[(session.Venue, session.Week)];
                room[o] = Math.Min(room[o], Math.Max(0, venue.CapacityIn(session.Week) - pupils) / sharing);
            }
        }

        return room;
    }

    private static long MoveCost(AllocationModel model, CandidatePair pair)
    {
        var weight = model.MoveWeights[pair.Pupil];
        return weight > 0 && model.BaselineOffers[pair.Pupil] != pair.Offer ? weight : 0;
    }
}
