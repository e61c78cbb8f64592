using Google.OrTools.Graph;

namespace Sto.Scheduler.Engine.Modeling;

/// <summary>
/// The min-cost-flow relaxation of the preference core (PERFORMANCE §4): pupils → offers (rank cost) → sink,
/// with offer seats, open seats for outsiders and venue capacity, but no minimum group size, no staff rounding
/// and no buses. Its maximum flow bounds placements from above; among maximum flows its cost bounds the rank cost
/// from below. Solved in milliseconds.
/// </summary>
internal static class FlowBound
{
    public static (int MaxPlaced, long MinRankCost, Dictionary<int, int> OfferOfPupil) Compute(AllocationModel model)
    {
        var pupils = model.Pupils.Length;
        var offers = model.Offers.Length;
        var source = 0;
        var firstPupil = 1;
        var firstOffer = firstPupil + pupils;
        var firstGate = firstOffer + offers;
        var sink = firstGate + offers;
        var k = Math.Max(1, model.Index.Problem.Rules.MaxPlacementsPerPupil);
        var objective = model.Index.Problem.Rules.Objective;

        var flow = new MinCostFlow();
        for (var p = 0; p < pupils; p++)
        {
            if (model.PairsByPupil[p].Count > 0)
            {
                flow.AddArcWithCapacityAndUnitCost(source, firstPupil + p, k, 0);
            }
        }

        for (var o = 0; o < offers; o++)
        {
            var options = model.Options[o];
            if (options is null)
            {
                continue;
            }

            flow.AddArcWithCapacityAndUnitCost(firstOffer + o, sink, options.Max(x => x.MaxPupils), 0);
            flow.AddArcWithCapacityAndUnitCost(firstGate + o, firstOffer + o, Math.Max(0, model.Offers[o].OpenSeats), 0);
        }

        var pairArcs = new List<(int Arc, CandidatePair Pair)>();
        foreach (var pair in model.Pairs)
        {
            if (model.Options[pair.Offer] is null)
            {
                continue;
            }

            var head = pair.IsOwnPupilOfHost ? firstOffer + pair.Offer : firstGate + pair.Offer;
            pairArcs.Add((flow.AddArcWithCapacityAndUnitCost(firstPupil + pair.Pupil, head, 1, objective.RankCost(pair.Rank)), pair));
        }

        flow.SetNodeSupply(source, (long)pupils * k);
        flow.SetNodeSupply(sink, -(long)pupils * k);
        var status = flow.SolveMaxFlowWithMinCost();
        if (status != MinCostFlowBase.Status.OPTIMAL)
        {
            return (0, 0, []);
        }

        var offerOfPupil = new Dictionary<int, int>();
        foreach (var (arc, pair) in pairArcs)
        {
            if (flow.Flow(arc) > 0)
            {
                offerOfPupil.TryAdd(pair.Pupil, pair.Offer);
            }
        }

        return ((int)flow.MaximumFlow(), flow.OptimalCost(), offerOfPupil);
    }
}
