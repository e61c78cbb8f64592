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
            foreach (var pair in _pairsByPupil[p])
            {
                if (_offers[_pairs[pair].Offer].Id == before.Offer)
                {
                    builder.AddTerm(_pairs[pair].Place, -weight);
                }
            }
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
