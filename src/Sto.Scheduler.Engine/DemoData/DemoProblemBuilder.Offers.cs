using System.Collections.Immutable;
using System.Globalization;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.DemoData;

/// <summary>Offers: host-less ones at the mbo and trade schools, hybrid ones with a company hotspot, and school offers.</summary>
internal sealed partial class DemoProblemBuilder
{
    private static readonly string[] MboElectives = ["MT-ELVOERT", "PIE-DUURZEN", "MVI-DRONE", "PIE-KOUDE", "MVI-GAME", "MT-MOTOR"];
    private static readonly string[] TradeElectives = ["BWI-CIRCBOUW", "PIE-UTILINST", "BWI-DAKEN", "MT-SCHADE", "PIE-DRINKWAT"];

    private readonly HashSet<OfferId> _offerIds = [];

    private void AddHotspots()
    {
        var anchors = _random.Shuffled(_schools.Where(s => _technicalSchools.Contains(s.Id)));
        for (var i = 0; i < _p.CompanyHotspotCount && anchors.Count > 0; i++)
        {
            var anchor = anchors[i % anchors.Count];
            var profile = _random.Pick(anchor.Profiles.Where(ElectiveCatalogue.IsTechnicalProfile).ToArray());
            var company = _random.Pick(DemoNames.Companies(profile));
            var hostingWeekCount = _random.Between(2, 3);
            var offerWeeks = _weeks.Count >= 8 && _random.Chance(0.35) ? _weeks.Take(_weeks.Count / 2).ToImmutableArray() : [.. _weeks];
            hostingWeekCount = Math.Min(hostingWeekCount, offerWeeks.Length - 1);
            var venue = new Venue
            {
                Id = new VenueId($"hotspot-{i + 1:D2}"),
                Name = $"{company} (hotspot)",
                Kind = VenueKind.CompanyHotspot,
                Location = NearBy(anchor.Location, 1.5, 4.0),
                Address = Address(DemoNames.Towns[_random.Next(DemoNames.Towns.Length)]),
                WeeklyPupilCapacity = _random.Between(8, 16),
                HostingWeeks = [.. offerWeeks.TakeLast(hostingWeekCount)],
            };
            _hotspots.Add(new Hotspot(venue, anchor, profile, company, offerWeeks));
        }
    }

    private void AddOffers()
    {
        AddExternalOffers();
        AddHybridOffers();
        AddSchoolOffers(Math.Max(0, _p.OfferCount - _offers.Count));
        TopUpParallelGroups();
        _offers.Sort((a, b) => string.CompareOrdinal(a.Id.Value, b.Id.Value));
        for (var i = 0; i < _offers.Count; i++)
        {
            _offers[i] = WithSeats(_offers[i]);
        }

        AddKits();
    }

    private void AddExternalOffers()
    {
        var budget = Math.Max(0, _p.OfferCount / 8);
        foreach (var site in _externalSites)
        {
            var codes = site.Kind == VenueKind.MboCollege ? MboElectives : TradeElectives;
            var count = Math.Min(budget, site.Kind == VenueKind.MboCollege ? 3 : 2);
            foreach (var code in _random.Shuffled(codes).Take(count))
            {
                var elective = Catalogue(code);
                var offer = NewOffer(site.Id.Value, elective, hostSchool: null, site.Name);
                var tlFlag = site.Kind == VenueKind.MboCollege && _random.Chance(0.5);
                _offers.Add(offer with
                {
                    Eligibility = tlFlag ? offer.Eligibility with { Paths = WithTheoretical } : offer.Eligibility,
                    Sessions = Sessions([.. _weeks], _ => site.Id, UsualStart, UsualEnd, theoryWeeks: 0),
                });
                budget--;
            }
        }
    }

    private void AddHybridOffers()
    {
        foreach (var hotspot in _hotspots)
        {
            var count = _random.Chance(0.3) ? 2 : 1;
            var suitable = ElectiveCatalogue.ForProfile(hotspot.Profile).Where(e => e.SuitsCompanyHotspot).ToArray();
            var pool = suitable.Length > 0 ? suitable : [.. ElectiveCatalogue.ForProfile(hotspot.Profile)];
            for (var i = 0; i < count && _offers.Count < _p.OfferCount; i++)
            {
                var elective = _random.PickWeighted(pool, e => e.PopularityPercent);
                var weeks = hotspot.OfferWeeks;
                var hosting = hotspot.Venue.HostingWeeks;
                var offer = NewOffer(hotspot.Anchor.Id.Value, elective, hotspot.Anchor.Id, $"{hotspot.Anchor.Name} met {hotspot.Company}");
                _offers.Add(offer with
                {
                    Name = $"{elective.Name} – hotspot {hotspot.Company}",
                    MinGroupSize = 6,
                    MaxGroupSize = Math.Min(hotspot.Venue.WeeklyPupilCapacity, _random.Between(10, 14)),
                    MaxParallelGroups = 1,
                    Sessions = Sessions(weeks, w => hosting.Contains(w) ? hotspot.Venue.Id : Workshop(hotspot.Anchor.Id), UsualStart, UsualEnd, weeks.Length >= 8 ? 2 : 1),
                });
            }
        }
    }

    private void AddSchoolOffers(int count)
    {
        var hosts = _schools.Where(s => OfferingProfiles(s).Length > 0).ToList();
        var weights = hosts.Select(s => OfferingProfiles(s).Length * (_technicalSchools.Contains(s.Id) ? 1.0 : 0.35)).ToList();
        var counts = RandomDraws.Apportion(count, weights);
        for (var h = 0; h < hosts.Count; h++)
        {
            var school = hosts[h];
            var catalogue = OfferingProfiles(school).SelectMany(p => ElectiveCatalogue.ForProfile(p)).ToList();
            var used = new HashSet<string>(_offers.Where(o => o.HostSchool == school.Id).Select(o => o.ElectiveCode));
            for (var k = 0; k < counts[h]; k++)
            {
                var fresh = catalogue.Where(e => !used.Contains(e.Code)).ToList();
                var elective = _random.PickWeighted(fresh.Count > 0 ? fresh : catalogue, e => Math.Sqrt(e.PopularityPercent));
                used.Add(elective.Code);
                _offers.Add(SchoolOffer(school, elective));
            }
        }
    }

    private ElectiveOffer SchoolOffer(School school, CatalogueElective elective)
    {
        var offer = NewOffer(school.Id.Value, elective, school.Id, school.Name);
        var span = _random.NextDouble();
        var half = _weeks.Count / 2;
        ImmutableArray<Week> weeks = span < 0.1 ? [.. _weeks.Take(half)] : span < 0.2 ? [.. _weeks.Skip(half)] : [.. _weeks];
        var times = _random.NextDouble();
        var (start, end) = times < 0.75 ? (UsualStart, UsualEnd) : times < 0.9 ? (UsualStart, new TimeOnly(15, 15)) : (new TimeOnly(13, 45), new TimeOnly(15, 45));
        var workshop = Workshop(school.Id);
        return offer with { Sessions = Sessions(weeks, _ => workshop, start, end, _random.Chance(0.3) ? 1 : 0) };
    }

    /// <summary>The sizes, eligibility and qualification every offer draws, before sessions and seats.</summary>
    private ElectiveOffer NewOffer(string providerKey, CatalogueElective elective, SchoolId? hostSchool, string providerName)
    {
        var max = _random.Chance(0.08) ? _random.Between(20, 24) : _random.Between(12, 16);
        return new ElectiveOffer
        {
            Id = UniqueOfferId($"{providerKey}-{elective.Code.ToLowerInvariant()}"),
            ElectiveCode = elective.Code,
            Name = elective.Name,
            Profile = elective.Profile,
            IsTechnical = ElectiveCatalogue.IsTechnicalProfile(elective.Profile),
            ProviderName = providerName,
            HostSchool = hostSchool,
            Eligibility = NewEligibility(elective),
            MinGroupSize = _random.Between(6, 8),
            MaxGroupSize = max,
            MaxParallelGroups = _random.Chance(0.2) ? 2 : 1,
            RequiredQualification = _random.Chance(0.1) ? elective.Code : elective.Profile,
        };
    }

    private Eligibility NewEligibility(CatalogueElective elective)
    {
        var paths = _random.NextDouble();
        var eligibility = new Eligibility
        {
            Paths = paths < 0.12 ? WithTheoretical : paths < 0.2 ? [LearningPath.Basic, LearningPath.Advanced] : [],
            Profiles = elective.Profile == "MaT" || _random.Chance(0.05) ? [elective.Profile] : [],
        };

        var basis = ElectiveCatalogue.ForProfile(elective.Profile).Where(e => e.Code != elective.Code).MaxBy(e => e.PopularityPercent);
        return basis is not null && _random.Chance(0.06)
            ? eligibility with { Years = [4], PrerequisiteElectives = [basis.Code] }
            : eligibility;
    }

    private static ImmutableArray<LearningPath> WithTheoretical { get; } =
        [LearningPath.Basic, LearningPath.Advanced, LearningPath.Combined, LearningPath.Theoretical];

    private static ImmutableArray<Session> Sessions(
        ImmutableArray<Week> weeks, Func<Week, VenueId> venue, TimeOnly start, TimeOnly end, int theoryWeeks) =>
        [.. weeks.Select((week, i) => new Session
        {
            Week = week,
            Venue = venue(week),
            Start = start,
            End = end,
            Kind = i < theoryWeeks ? SessionKind.Theory : SessionKind.Practical,
        })];

    /// <summary>Extra parallel groups on school offers until seats reach the minimum per pupil.</summary>
    private void TopUpParallelGroups()
    {
        var target = (int)Math.Ceiling(_p.MinimumSeatsPerPupil * _p.PupilCount);
        var seats = _offers.Sum(o => o.TotalSeats);
        var growable = Enumerable.Range(0, _offers.Count)
            .Where(i => _offers[i].HostSchool is not null && !_offers[i].Sessions.Any(s => s.Venue.Value.StartsWith("hotspot-", StringComparison.Ordinal)))
            .ToList();
        while (seats < target && growable.Count > 0)
        {
            var pick = _random.Next(growable.Count);
            var offer = _offers[growable[pick]];
            _offers[growable[pick]] = offer with { MaxParallelGroups = offer.MaxParallelGroups + 1 };
            seats += offer.MaxGroupSize;
            if (offer.MaxParallelGroups + 1 >= 3)
            {
                growable.RemoveAt(pick);
            }
        }
    }

    /// <summary>Most offers open some seats to other schools, a few none, a few all; host-less offers are all open.</summary>
    private ElectiveOffer WithSeats(ElectiveOffer offer)
    {
        var total = offer.TotalSeats;
        if (offer.HostSchool is null)
        {
            return offer with { OwnPupilSeats = 0, OpenSeats = total };
        }

        var draw = _random.NextDouble();
        var open = draw < 0.12 ? 0 : draw < 0.22 ? total : (int)Math.Round(total * _random.Uniform(0.3, 0.6));
        return offer with { OwnPupilSeats = total - open, OpenSeats = open };
    }

    private OfferId UniqueOfferId(string key)
    {
        var id = new OfferId(key);
        for (var n = 2; !_offerIds.Add(id); n++)
        {
            id = new OfferId(key + "-" + n.ToString(CultureInfo.InvariantCulture));
        }

        return id;
    }

    private static VenueId Workshop(SchoolId school) => new($"{school.Value}-werkplaats");

    /// <summary>The school's profiles it offers electives of: technical ones, and D&amp;P (Robotica and the like).</summary>
    private static ImmutableArray<string> OfferingProfiles(School school) =>
        [.. school.Profiles.Where(p => ElectiveCatalogue.IsTechnicalProfile(p) || p == "D&P")];

    private static CatalogueElective Catalogue(string code) =>
        ElectiveCatalogue.Find(code) ?? throw new InvalidOperationException($"Elective {code} is not in the catalogue.");
}
