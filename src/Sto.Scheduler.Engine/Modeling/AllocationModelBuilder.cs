using Google.OrTools.Sat;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Modeling;

/// <summary>
/// Builds the CP-SAT model (docs/rules.md): Boolean assignment literals only over pairs that pass the candidate
/// filter, one literal per way an offer can run (groups × staff need), staff literals per week class, bus counts
/// per school, venue and rider set, and one expression per objective tier.
/// </summary>
internal sealed partial class AllocationModelBuilder
{
    private readonly SchedulingProblem _problem;
    private readonly ProblemIndex _index;
    private readonly CandidateFilter _filter;
    private readonly CpModel _model = new();
    private readonly Pupil[] _pupils;
    private readonly ElectiveOffer[] _offers;
    private readonly StaffMember[] _staff;
    private readonly Dictionary<OfferId, int> _offerNumber = [];
    private readonly List<CandidatePair> _pairs = [];
    private readonly List<int>[] _pairsByPupil;
    private readonly List<int>[] _pairsByOffer;
    private readonly Dictionary<int, string> _deadOffers = [];
    private List<GroupOption>?[] _options = [];
    private BoolVar[]?[] _optionVars = [];
    private readonly List<WeekClass> _weekClasses = [];
    private readonly List<StaffSlot> _staffSlots = [];
    private readonly List<StaffType> _staffTypes = [];
    private readonly List<BusSlot> _busSlots = [];

    private readonly ReplanBaseline? _baseline;

    /// <summary>Per pupil, "has at least one placement" when a pupil may get several (null with one per pupil).</summary>
    private BoolVar?[]? _isPlaced;

    private long[] _moveWeights = [];

    private int[] _baselineOffers = [];

    private readonly List<LinearExpr> _protectedPlacements = [];

    private int _protectedWithoutChoice;

    private AllocationModelBuilder(SchedulingProblem problem, ProblemIndex index, ReplanBaseline? baseline)
    {
        _baseline = baseline;
        _problem = problem;
        _index = index;
        _filter = new CandidateFilter(problem, index);
        _pupils = [.. problem.Pupils];
        _offers = [.. problem.Offers];
        _staff = [.. problem.Staff];
        for (var o = 0; o < _offers.Length; o++)
        {
            _offerNumber[_offers[o].Id] = o;
        }

        _pairsByPupil = [.. _pupils.Select(_ => new List<int>())];
        _pairsByOffer = [.. _offers.Select(_ => new List<int>())];
    }

    /// <summary>Builds the model of a validated problem.</summary>
    public static AllocationModel Build(SchedulingProblem problem, ProblemIndex index, ReplanBaseline? baseline = null)
    {
        var builder = new AllocationModelBuilder(problem, index, baseline);
        builder.FindDeadOffersByVenue();
        builder.CreatePairs();
        builder.FindDeadOffersByStaff();
        builder.RemovePairsOfDeadOffers();
        builder.AddPupilConstraints();
        builder.AddOfferOptions();
        builder.AddVenueCapacity();
        builder.AddKitLimits();
        builder.AddStaffing();
        builder.AddBuses();
        var tiers = builder.BuildTiers();

        return new AllocationModel
        {
            Model = builder._model,
            Index = index,
            Pupils = builder._pupils,
            Offers = builder._offers,
            Staff = builder._staff,
            Pairs = builder._pairs,
            PairsByPupil = builder._pairsByPupil,
            PairsByOffer = builder._pairsByOffer,
            Options = builder._options,
            OptionVars = builder._optionVars,
            WeekClasses = builder._weekClasses,
            StaffSlots = builder._staffSlots,
            StaffTypes = builder._staffTypes,
            BusSlots = builder._busSlots,
            Tiers = tiers,
            DeadOffers = builder._deadOffers,
            Baseline = baseline,
            ForcedMoves = builder.ForcedMoves(),
            MoveWeights = builder._moveWeights,
            BaselineOffers = builder._baselineOffers,
            ProtectedPlacements = builder._protectedPlacements,
            ProtectedWithoutChoice = builder._protectedWithoutChoice,
        };
    }

    private void CreatePairs()
    {
        // Travel minutes depend only on the pupil's school and the offer: look the trips up once per pair of them.
        var tripMinutes = new Dictionary<(SchoolId School, int Offer), int>();
        for (var p = 0; p < _pupils.Length; p++)
        {
            var pupil = _pupils[p];
            foreach (var choice in pupil.Choices.OrderBy(c => c.Rank))
            {
                if (!_offerNumber.TryGetValue(choice.Offer, out var o) || _deadOffers.ContainsKey(o))
                {
                    continue;
                }

                var offer = _offers[o];
                if (!_filter.Check(pupil, offer).IsFeasible)
                {
                    continue;
                }

                if (!tripMinutes.TryGetValue((pupil.School, o), out var minutes))
                {
                    foreach (var session in offer.Sessions)
                    {
                        minutes += 2 * _index.Travel.PupilTrip(pupil.School, session.Venue).Minutes;
                    }

                    tripMinutes[(pupil.School, o)] = minutes;
                }

                var literal = _model.NewBoolVar($"place[{pupil.Id}->{offer.Id}]");
                var pair = new CandidatePair(
                    p, o, choice.Rank, minutes, offer.HostSchool == pupil.School, _filter.IsAwayFromOwnSite(pupil, offer), literal);
                _pairsByPupil[p].Add(_pairs.Count);
                _pairsByOffer[o].Add(_pairs.Count);
                _pairs.Add(pair);
            }
        }
    }

    private void RemovePairsOfDeadOffers()
    {
        foreach (var (offer, _) in _deadOffers)
        {
            foreach (var pair in _pairsByOffer[offer])
            {
                _model.Add(_pairs[pair].Place == 0);
            }
        }
    }

    private void AddPupilConstraints()
    {
        var rules = _problem.Rules;
        for (var p = 0; p < _pupils.Length; p++)
        {
            var pairs = _pairsByPupil[p].Where(i => !_deadOffers.ContainsKey(_pairs[i].Offer)).ToList();
            if (pairs.Count <= 1)
            {
                continue;
            }

            if (rules.MaxPlacementsPerPupil <= 1)
            {
                _model.AddAtMostOne(pairs.Select(i => (ILiteral)_pairs[i].Place));
                continue;
            }

            _model.Add(LinearExpr.Sum(pairs.Select(i => _pairs[i].Place)) <= rules.MaxPlacementsPerPupil);
            foreach (var sameCode in pairs.GroupBy(i => _offers[_pairs[i].Offer].ElectiveCode, StringComparer.OrdinalIgnoreCase))
            {
                if (sameCode.Count() > 1)
                {
                    _model.AddAtMostOne(sameCode.Select(i => (ILiteral)_pairs[i].Place));
                }
            }

            foreach (var week in _problem.Weeks)
            {
                var meeting = pairs.Where(i => _offers[_pairs[i].Offer].Sessions.Any(s => s.Week == week)).ToList();
                if (meeting.Count > 1)
                {
                    _model.AddAtMostOne(meeting.Select(i => (ILiteral)_pairs[i].Place));
                }
            }

            var away = pairs.Where(i => _pairs[i].IsAway).ToList();
            if (away.Count > rules.MaxExternalPlacementsPerPupil)
            {
                _model.Add(LinearExpr.Sum(away.Select(i => _pairs[i].Place)) <= rules.MaxExternalPlacementsPerPupil);
            }
        }
    }

    /// <summary>Σ of the assignment literals of an offer: its pupil count.</summary>
    private LinearExpr PupilCount(int offer) => LinearExpr.Sum(_pairsByOffer[offer].Select(i => _pairs[i].Place));
}
