using System.Diagnostics;
using Google.OrTools.Sat;
using Sto.Scheduler.Engine.Modeling;

namespace Sto.Scheduler.Engine.Solving;

/// <summary>The hand-made neighbourhood search a tier may start with: which tiers, seeded by what, and running it.</summary>
internal sealed partial class LexicographicSearch
{
    /// <summary>A neighbourhood search before CP-SAT: its share of the tier, and what seeds its neighbourhoods.</summary>
    private sealed record NeighbourhoodPhase(double Share, Func<int, bool>? SeedPupils = null, Func<long[], Random, IReadOnlyList<int>>? SeedOffers = null);

    /// <summary>
    /// A large re-plan's kept-places tier first re-solves neighbourhoods around the pupils who lost their place: CP-SAT
    /// alone found none of them a seat on the region in 8 s (its bound stays at 0), while the offers they chose and the
    /// offers sharing staff or pupils with those are where a seat can be made.
    /// </summary>
    private const double KeptPlacesNeighbourhoodShare = 0.7;

    /// <summary>
    /// A large re-plan's moves tier first re-solves neighbourhoods around a pupil who left their published offer (that
    /// offer, where they are now, and offers linked to them by staff or pupils), so a chain of moves can be undone.
    /// </summary>
    private const double MovesNeighbourhoodShare = 0.5;

    /// <summary>
    /// Which tiers start with a <see cref="LargeNeighbourhoodSearch"/> (large models, not in reproducible mode): a fresh
    /// solve's first tier when <see cref="SolverSettings.NeighbourhoodSearchShare"/> is set, seeded by any unplaced
    /// pupil; a re-plan's kept-places and moves tiers (reached only while above their known lower bound).
    /// </summary>
    private NeighbourhoodPhase? NeighbourhoodPhaseFor(int tier, string name)
    {
        if (model.Pairs.Count <= LargeModelPairs || settings.DeterministicTimeLimit is not null)
        {
            return null;
        }

        if (model.Baseline is not { } baseline)
        {
            return tier == 0 && settings.NeighbourhoodSearchShare > 0 ? new NeighbourhoodPhase(settings.NeighbourhoodSearchShare) : null;
        }

        return name switch
        {
            TierNames.KeptPlaces => new NeighbourhoodPhase(KeptPlacesNeighbourhoodShare, SeedPupils: p => baseline.IsProtected(model.Pupils[p].Id)),
            TierNames.Moves => new NeighbourhoodPhase(MovesNeighbourhoodShare, SeedOffers: MovedPupilSeeds),
            _ => null,
        };
    }

    /// <summary>
    /// Improves the tier's starting plan by <see cref="LargeNeighbourhoodSearch"/> before CP-SAT starts; each better plan
    /// is reported as an incumbent without a bound (CP-SAT proves one once it runs).
    /// </summary>
    private long[] RunNeighbourhoodSearch(
        string tier, int tierIndex, LinearExpr expression, long[] start, TimeSpan budget, Stopwatch clock, NeighbourhoodPhase phase, CancellationToken cancellationToken)
    {
        var search = new LargeNeighbourhoodSearch(model, expression, settings.RandomSeed)
        {
            Workers = Math.Max(1, settings.Workers),
            SeedPupils = phase.SeedPupils,
            SeedOffers = phase.SeedOffers,
            Improved = value => progress?.Report(new SolveProgress
            {
                Tier = tier,
                TierNumber = tierIndex + 1,
                TierCount = model.Tiers.Count,
                Objective = value,
                BestBound = 0,
                Gap = 1,
                Elapsed = clock.Elapsed,
            }),
        };
        return search.Improve(start, budget, cancellationToken).Solution;
    }

    /// <summary>The published offer of a random pupil who is not in it any more (while it still runs), and where they are now.</summary>
    private IReadOnlyList<int> MovedPupilSeeds(long[] solution, Random random)
    {
        var moved = new List<(int Published, int Now)>();
        for (var p = 0; p < model.Pupils.Length; p++)
        {
            var published = model.BaselineOffers[p];
            if (published < 0 || model.OptionVars[published] is null)
            {
                continue;
            }

            var now = -1;
            var stayed = false;
            foreach (var i in model.PairsByPupil[p])
            {
                if (solution[model.Pairs[i].Place.GetIndex()] == 1)
                {
                    stayed |= model.Pairs[i].Offer == published;
                    now = model.Pairs[i].Offer;
                }
            }

            if (!stayed)
            {
                moved.Add((published, now));
            }
        }

        if (moved.Count == 0)
        {
            return [];
        }

        var (from, to) = moved[random.Next(moved.Count)];
        return to >= 0 ? [from, to] : [from];
    }
}
