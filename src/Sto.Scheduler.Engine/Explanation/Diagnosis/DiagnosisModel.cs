using Google.OrTools.Sat;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Explanation.Diagnosis;

/// <summary>
/// A small CP-SAT feasibility model around one subject: "this pupil gets one of their choices" or "this offer runs a
/// group", while every pupil the plan placed keeps a place (perhaps another of their choices), where every hard rule about the offers in reach is guarded by one assumption literal per rule and subject
/// (<see cref="DiagnosisAssumption"/>). In reach: the subject's offers, the pupils placed in them or wanting them
/// (who may move to another of their feasible choices), and those pupils' other choices. Everything else keeps
/// exactly what the plan gave it: its pupils, staff, venue places and kits are fixed load.
/// </summary>
internal sealed partial class DiagnosisModel
{
    private readonly ExplanationContext _context;
    private readonly SortedDictionary<string, Pupil> _movable = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, ElectiveOffer> _scope = new(StringComparer.Ordinal);
    private readonly Dictionary<(PupilId Pupil, OfferId Offer), BoolVar> _place = [];
    private ILookup<PupilId, KeyValuePair<(PupilId Pupil, OfferId Offer), BoolVar>> _placesOfPupil = null!; // set in Build once every place literal exists
    private ILookup<OfferId, KeyValuePair<(PupilId Pupil, OfferId Offer), BoolVar>> _placesAtOffer = null!;
    private readonly Dictionary<OfferId, (IntVar[] Size, BoolVar[] Runs)> _groups = [];
    private readonly Dictionary<string, (BoolVar Literal, DiagnosisAssumption Assumption)> _assumptions = new(StringComparer.Ordinal);
    private readonly HashSet<OfferId> _focus = [];
    private HashSet<Week> _representativeWeeks = [];

    private DiagnosisModel(ExplanationContext context) => _context = context;

    public CpModel Model { get; } = new();

    /// <summary>CP-SAT solves made on this model so far.</summary>
    public int Solves { get; set; }

    /// <summary>CP-SAT deterministic time spent on this model so far.</summary>
    public double DeterministicSeconds { get; set; }

    /// <summary>The assumption literals in creation order.</summary>
    public IReadOnlyList<(BoolVar Literal, DiagnosisAssumption Assumption)> Assumptions => [.. _assumptions.Values];

    /// <summary>"The pupil gets one of their known choices", the rest of the plan as it is.</summary>
    public static DiagnosisModel ForPupil(ExplanationContext context, Pupil pupil)
    {
        var model = new DiagnosisModel(context);
        var focus = pupil.Choices.NullToEmpty().Where(c => c is not null)
            .Select(c => context.Index.Offers.GetValueOrDefault(c.Offer)).OfType<ElectiveOffer>().ToList();
        model.Build(focus, [pupil], pupil);
        model.Model.AddBoolOr(focus.Select(o => model._place.GetValueOrDefault((pupil.Id, o.Id))).OfType<BoolVar>().Append(model.Model.FalseLiteral()));
        return model;
    }

    /// <summary>"The offer runs a group", the pupils who want it free to move there, the rest of the plan as it is.</summary>
    public static DiagnosisModel ForOffer(ExplanationContext context, ElectiveOffer offer)
    {
        var model = new DiagnosisModel(context);
        model.Build([offer], ChoiceAnalysis.Interested(context, offer), null);
        model.Model.Add(model._groups[offer.Id].Runs[0] == 1);
        return model;
    }

    private void Build(IReadOnlyList<ElectiveOffer> focus, IEnumerable<Pupil> movers, Pupil? target)
    {
        foreach (var pupil in movers.Concat(focus.SelectMany(o => _context.HoldersOf(o.Id))))
        {
            _movable.TryAdd(pupil.Id.Value ?? "", pupil);
        }

        foreach (var offer in focus)
        {
            _focus.Add(offer.Id);
            _scope.TryAdd(offer.Id.Value ?? "", offer);
        }

        foreach (var pupil in _movable.Values)
        {
            foreach (var placement in _context.PlacementsOf(pupil.Id))
            {
                _scope.TryAdd(placement.Offer.Value ?? "", _context.Index.Offers[placement.Offer]);
            }

            foreach (var offer in FeasibleChoices(pupil))
            {
                _scope.TryAdd(offer.Id.Value ?? "", offer);
            }
        }

        AddPlacements(target);
        _placesOfPupil = _place.ToLookup(p => p.Key.Pupil);
        _placesAtOffer = _place.ToLookup(p => p.Key.Offer);
        foreach (var offer in _scope.Values)
        {
            AddGroups(offer);
        }

        AddPupilRules(target);
        _representativeWeeks = RepresentativeWeeks();
        AddVenues();
        AddKits();
        AddStaff();
    }

    private IEnumerable<ElectiveOffer> FeasibleChoices(Pupil pupil) =>
        pupil.Choices.NullToEmpty().Where(c => c is not null)
            .Select(c => _context.Index.Offers.GetValueOrDefault(c.Offer)).OfType<ElectiveOffer>()
            .Where(o => _context.Filter.Check(pupil, o).IsFeasible);

    private void AddPlacements(Pupil? target)
    {
        foreach (var pupil in _movable.Values)
        {
            foreach (var offer in pupil.Choices.NullToEmpty().Where(c => c is not null)
                         .Select(c => _scope.GetValueOrDefault(c.Offer.Value ?? "")).OfType<ElectiveOffer>().Distinct())
            {
                var feasible = _context.Filter.Check(pupil, offer).IsFeasible;
                if (!feasible && !ReferenceEquals(pupil, target))
                {
                    continue;
                }

                var place = Model.NewBoolVar($"place[{pupil.Id}→{offer.Id}]");
                _place[(pupil.Id, offer.Id)] = place;
                if (!feasible)
                {
                    Model.Add(place == 0).OnlyEnforceIf(Literal(new DiagnosisAssumption(AssumptionKind.Candidate, offer.Id, Pupil: pupil.Id)));
                }
            }
        }
    }

    /// <summary>Pupils in reach get at most their allowed placements; those the plan placed keep a place (perhaps another choice).</summary>
    private void AddPupilRules(Pupil? target)
    {
        var rules = _context.Rules;
        foreach (var pupil in _movable.Values)
        {
            var places = _placesOfPupil[pupil.Id].OrderBy(p => p.Key.Offer.Value, StringComparer.Ordinal).ToList();
            Model.Add(LinearExpr.Sum(places.Select(p => p.Value)) <= Math.Max(1, rules.MaxPlacementsPerPupil));
            if (rules.MaxPlacementsPerPupil > 1)
            {
                AddPlacementConflicts(pupil, places);
            }

            // The question's premise, not a reason: nobody the plan placed loses their place.
            var current = _context.PlacementsOf(pupil.Id);
            if (!ReferenceEquals(pupil, target) && current.Length > 0)
            {
                Model.Add(LinearExpr.Sum(places.Select(p => p.Value)) >= current.Length);
            }
        }
    }

    /// <summary>H1 and H3 when a pupil may take several electives: no same code, no shared week, at most k away.</summary>
    private void AddPlacementConflicts(Pupil pupil, List<KeyValuePair<(PupilId Pupil, OfferId Offer), BoolVar>> places)
    {
        for (var i = 0; i < places.Count; i++)
        {
            var a = _scope[places[i].Key.Offer.Value ?? ""];
            for (var j = i + 1; j < places.Count; j++)
            {
                var b = _scope[places[j].Key.Offer.Value ?? ""];
                if (string.Equals(a.ElectiveCode, b.ElectiveCode, StringComparison.OrdinalIgnoreCase)
                    || ExplanationContext.MeetingWeeks(a).Intersect(ExplanationContext.MeetingWeeks(b)).Any())
                {
                    Model.AddAtMostOne([places[i].Value, places[j].Value]);
                }
            }
        }

        var away = places.Where(p => _context.Filter.IsAwayFromOwnSite(pupil, _scope[p.Key.Offer.Value ?? ""])).Select(p => p.Value);
        Model.Add(LinearExpr.Sum(away) <= _context.Rules.MaxExternalPlacementsPerPupil);
    }

    private BoolVar Literal(DiagnosisAssumption assumption)
    {
        if (!_assumptions.TryGetValue(assumption.Key, out var entry))
        {
            entry = (Model.NewBoolVar("assume[" + assumption.Key + "]"), assumption);
            _assumptions[assumption.Key] = entry;
        }

        return entry.Literal;
    }

    /// <summary>Placed pupils of the offer who are not in reach: they stay, so they are fixed load.</summary>
    private List<Pupil> FixedHolders(ElectiveOffer offer) =>
        [.. _context.HoldersOf(offer.Id).Where(p => !_movable.ContainsKey(p.Id.Value ?? ""))];
}
