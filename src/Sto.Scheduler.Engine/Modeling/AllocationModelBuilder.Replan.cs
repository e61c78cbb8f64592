using Google.OrTools.Sat;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Modeling;

internal sealed partial class AllocationModelBuilder
{
    /// <summary>
    /// SOFT (re-plan tier) · move as few pupils of the published plan as possible (UniTime's minimal perturbation):
    /// a pupil who keeps their offer costs 0, a moved pupil 1, and a pupil already moved in an earlier re-plan costs
    /// more than all other moves together, so they are moved again only when nothing else works.
    /// </summary>
    private LinearExpr Moves()
    {
        var baseline = _baseline!;
        _moveWeights = new long[_pupils.Length];
        _baselineOffers = Enumerable.Repeat(-1, _pupils.Length).ToArray();
        var ordinaryCount = _pupils.Count(p => baseline.Placements.ContainsKey(p.Id) && !baseline.RecentlyMoved.Contains(p.Id));
        var builder = LinearExpr.NewBuilder();
        for (var p = 0; p < _pupils.Length; p++)
        {
            var pupil = _pupils[p];
            if (!baseline.Placements.TryGetValue(pupil.Id, out var before))
            {
                continue;
            }

            long weight = baseline.RecentlyMoved.Contains(pupil.Id) ? ordinaryCount + 1 : 1;
            builder.Add(weight);
            _moveWeights[p] = weight;
            foreach (var pair in _pairsByPupil[p])
            {
                if (_offers[_pairs[pair].Offer].Id == before.Offer)
                {
                    builder.AddTerm(_pairs[pair].Place, -weight);
                    _baselineOffers[p] = _pairs[pair].Offer;
                }
            }
        }

        return builder;
    }

    /// <summary>
    /// SOFT (re-plan tier 1) · fewest pupils who lose the place they had in the published plan, counting pupils who
    /// joined since (not in the published plan at all) as having had one: a disruption must not cost anyone their
    /// elective when moving others can save it. Records each such pupil's "is placed" expression for
    /// <see cref="AllocationModel.ProtectedPlacements"/>.
    /// </summary>
    private LinearExpr KeptPlaces()
    {
        var builder = LinearExpr.NewBuilder();
        for (var p = 0; p < _pupils.Length; p++)
        {
            if (!_baseline!.IsProtected(_pupils[p].Id))
            {
                continue;
            }

            builder.Add(1);
            // Pairs with offers that can never run (cancelled, venue closed, no staff) are fixed at 0: a pupil with only
            // those has no candidate left, and counts towards the tier's lower bound.
            var live = _pairsByPupil[p].Where(i => _options[_pairs[i].Offer] is not null).ToList();
            LinearExpr? placed = live.Count == 0 ? null
                : _isPlaced is not null ? _isPlaced[p]
                : LinearExpr.Sum(live.Select(i => _pairs[i].Place));
            if (placed is null)
            {
                _protectedWithoutChoice++;
                continue;
            }

            builder.Add(-placed);
            _protectedPlacements.Add(placed);
        }

        return builder;
    }

    /// <summary>Baseline pupils whose offer is no longer possible for them at all: they must move.</summary>
    private List<PupilId> ForcedMoves()
    {
        if (_baseline is null)
        {
            return [];
        }

        var forced = new List<PupilId>();
        for (var p = 0; p < _pupils.Length; p++)
        {
            if (!_baseline.Placements.TryGetValue(_pupils[p].Id, out var before))
            {
                continue;
            }

            var keepable = _pairsByPupil[p].Any(i => _offers[_pairs[i].Offer].Id == before.Offer && _options[_pairs[i].Offer] is not null);
            if (!keepable)
            {
                forced.Add(_pupils[p].Id);
            }
        }

        return forced;
    }
}
