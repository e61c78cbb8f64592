using System.Collections.Immutable;
using System.Globalization;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.DemoData;

/// <summary>
/// Pupils of years 3–4 with a profile of their school, a learning path, some completed electives and ranked choices
/// among the offers they are eligible for and can reach (the engine's own <see cref="CandidateFilter"/> decides),
/// drawn by popularity (lognormal) × exp(−km / 8) × the cross-profile matrix (domain.md Appendix B).
/// </summary>
internal sealed partial class DemoProblemBuilder
{
    /// <summary>Year-3 pupils per path nationally (domain.md §3.1): bb 16,139 · kb 28,332 · gl 15,947.</summary>
    private static readonly (LearningPath Path, double Weight)[] PathWeights =
        [(LearningPath.Basic, 16_139), (LearningPath.Advanced, 28_332), (LearningPath.Combined, 15_947)];

    /// <summary>Year-3 technical pupils per profile nationally (domain.md §3.1).</summary>
    private static readonly (string Profile, double Weight)[] TechnicalProfilePupils =
        [("PIE", 4_862), ("BWI", 4_014), ("MVI", 1_571), ("M&T", 1_510), ("MaT", 203)];

    private void AddPupils()
    {
        var reach = ReachableOffers();
        var appeal = OfferAppeal();
        var perSchool = RandomDraws.Apportion(
            _p.PupilCount,
            [.. _schools.Select(s => _random.LogNormal(0.3) * (_technicalSchools.Contains(s.Id) ? 1.5 : 1.0))]);
        var digits = Math.Max(4, _p.PupilCount.ToString(CultureInfo.InvariantCulture).Length);
        for (var s = 0; s < _schools.Count; s++)
        {
            var school = _schools[s];
            var distanceWeight = _offers.Select(o => Math.Exp(-school.Location.StraightLineKmTo(MainLocation(o)) / _p.PreferenceDecayKm)).ToArray();
            for (var k = 0; k < perSchool[s]; k++)
            {
                var pupil = NewPupil(school, new PupilId("p" + (_pupils.Count + 1).ToString($"D{digits}", CultureInfo.InvariantCulture)));
                var weights = ChoiceWeights(pupil, reach[s], appeal, distanceWeight);
                if (!weights.Any(w => w > 0) && pupil.Path == LearningPath.Theoretical)
                {
                    // tl pupils join only where an offer is flagged for tl (A12); none in reach: a gl pupil instead.
                    pupil = pupil with { Path = LearningPath.Combined };
                    weights = ChoiceWeights(pupil, reach[s], appeal, distanceWeight);
                }

                if (!weights.Any(w => w > 0))
                {
                    // Nothing in reach: the pupil still wishes (realistic; the engine reports "no-feasible-choice").
                    weights = ChoiceWeights(pupil, null, appeal, distanceWeight);
                }

                _pupils.Add(pupil with { Choices = RankedChoices(weights) });
            }
        }
    }

    private double[] ChoiceWeights(Pupil pupil, bool[]? reachable, double[] appeal, double[] distanceWeight)
    {
        var weights = new double[_offers.Count];
        for (var o = 0; o < _offers.Count; o++)
        {
            weights[o] = (reachable is null || reachable[o]) && IsEligible(pupil, _offers[o])
                ? appeal[o] * CrossProfileMatrix.Weight(_offers[o].Profile, pupil.Profile) * distanceWeight[o]
                : 0;
        }

        return weights;
    }

    private Pupil NewPupil(School school, PupilId id)
    {
        var technical = school.Profiles.Where(ElectiveCatalogue.IsTechnicalProfile).ToArray();
        var other = school.Profiles.Where(p => !ElectiveCatalogue.IsTechnicalProfile(p)).ToArray();
        var isTechnical = technical.Length > 0 && (other.Length == 0 || _random.Chance(0.7));
        var profile = isTechnical
            ? _random.PickWeighted(TechnicalProfilePupils.Where(p => technical.Contains(p.Profile)).ToArray(), p => p.Weight).Profile
            : _random.PickWeighted(OtherProfilePupils.Where(p => other.Contains(p.Profile)).ToArray(), p => p.Weight).Profile;
        var path = school.Paths.Contains(LearningPath.Theoretical) && _random.Chance(0.1)
            ? LearningPath.Theoretical
            : _random.PickWeighted(PathWeights.Where(p => school.Paths.Contains(p.Path)).ToArray(), p => p.Weight).Path;
        var year = _random.Chance(0.5) ? 3 : 4;
        return new Pupil
        {
            Id = id,
            School = school.Id,
            Path = path,
            Year = year,
            Profile = profile,
            CompletedElectives = CompletedElectives(profile, year == 4 ? _random.Between(1, 3) : _random.Chance(0.15) ? 1 : 0),
        };
    }

    private ImmutableArray<string> CompletedElectives(string profile, int count)
    {
        var catalogue = ElectiveCatalogue.ForProfile(profile).ToList();
        var completed = new List<string>();
        while (completed.Count < count && catalogue.Count > 0)
        {
            var elective = _random.PickWeighted(catalogue, e => e.PopularityPercent);
            catalogue.Remove(elective);
            completed.Add(elective.Code);
        }

        return [.. completed];
    }

    /// <summary>Up to ChoicesPerPupil offers drawn without replacement in proportion to their weights (Efraimidis–Spirakis).</summary>
    private ImmutableArray<ElectiveChoice> RankedChoices(double[] weights)
    {
        var keys = new List<(double Key, int Offer)>();
        for (var o = 0; o < weights.Length; o++)
        {
            if (weights[o] > 0)
            {
                keys.Add((-Math.Log(1.0 - _random.NextDouble()) / weights[o], o));
            }
        }

        return [.. keys
            .OrderBy(k => k.Key).ThenBy(k => k.Offer)
            .Take(_p.ChoicesPerPupil)
            .Select((k, i) => new ElectiveChoice { Offer = _offers[k.Offer].Id, Rank = i + 1 })];
    }

    /// <summary>The offer's appeal among the offers of its profile: catalogue popularity × lognormal noise, normalised.</summary>
    private double[] OfferAppeal()
    {
        var raw = _offers.Select(o => (ElectiveCatalogue.Find(o.ElectiveCode)?.PopularityPercent ?? 5.0) * _random.LogNormal(_p.PopularitySigma)).ToArray();
        var perProfile = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var o = 0; o < _offers.Count; o++)
        {
            perProfile[_offers[o].Profile] = perProfile.GetValueOrDefault(_offers[o].Profile) + raw[o];
        }

        return [.. raw.Select((value, o) => value / perProfile[_offers[o].Profile])];
    }

    /// <summary>Per school and offer: can a pupil of the school reach every session and take a seat at all?</summary>
    private bool[][] ReachableOffers()
    {
        var problem = Assemble();
        var filter = new CandidateFilter(problem, ProblemIndex.Build(problem));
        return [.. _schools.Select(school => _offers.Select(offer => filter.Check(Representative(school, offer), offer).IsFeasible).ToArray())];
    }

    /// <summary>A pupil of the school who passes the offer's eligibility, so only travel and open seats decide.</summary>
    private static Pupil Representative(School school, ElectiveOffer offer) => new()
    {
        Id = new PupilId("representative"),
        School = school.Id,
        Path = offer.Eligibility.EffectivePaths[0],
        Year = offer.Eligibility.EffectiveYears[0],
        Profile = offer.Eligibility.Profiles.FirstOrDefault() ?? "",
        CompletedElectives = offer.Eligibility.PrerequisiteElectives,
    };

    private static bool IsEligible(Pupil pupil, ElectiveOffer offer)
    {
        var eligibility = offer.Eligibility;
        return !pupil.CompletedElectives.Contains(offer.ElectiveCode)
            && eligibility.EffectivePaths.Contains(pupil.Path)
            && eligibility.EffectiveYears.Contains(pupil.Year)
            && (eligibility.Profiles.IsEmpty || eligibility.Profiles.Contains(pupil.Profile))
            && eligibility.PrerequisiteElectives.All(pupil.CompletedElectives.Contains);
    }

    private GeoPoint MainLocation(ElectiveOffer offer)
    {
        var venue = offer.Sessions.IsEmpty ? default : offer.Sessions[0].Venue;
        return _venues.FirstOrDefault(v => v.Id == venue)?.Location ?? _p.Centre;
    }
}
