using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.DemoData;

/// <summary>Schools, mbo colleges, trade schools and company hotspots, placed around the region's centre.</summary>
internal sealed partial class DemoProblemBuilder
{
    /// <summary>Sites per technical profile nationally (domain.md §3.1): how often a school has the profile.</summary>
    private static readonly (string Profile, double Weight)[] TechnicalProfileSites =
        [("PIE", 213), ("BWI", 181), ("M&T", 82), ("MVI", 53), ("MaT", 5)];

    /// <summary>Year-3 pupils per non-technical profile nationally (domain.md §3.1).</summary>
    private static readonly (string Profile, double Weight)[] OtherProfilePupils =
        [("D&P", 16_956), ("Z&W", 13_484), ("Groen", 9_613), ("E&O", 5_449), ("HBR", 2_756)];

    private static readonly TimeOnly[] ReleaseTimes = [new(12, 45), new(12, 50), new(12, 55), new(13, 0)];

    private void AddSchools()
    {
        var technicalCount = Math.Clamp((int)Math.Round(_p.SchoolCount * _p.TechnicalSchoolShare), 2, _p.SchoolCount);
        var digits = _p.SchoolCount >= 100 ? 3 : 2;
        var locations = new List<GeoPoint>();
        for (var i = 0; i < _p.SchoolCount; i++)
        {
            var isTechnical = i < technicalCount;
            var town = DemoNames.Towns[i % DemoNames.Towns.Length];
            var profiles = isTechnical ? TechnicalSchoolProfiles() : OtherSchoolProfiles(first: i == technicalCount);
            var id = new SchoolId("s" + (i + 1).ToString($"D{digits}", System.Globalization.CultureInfo.InvariantCulture));
            var location = SchoolLocation(locations);
            locations.Add(location);
            if (isTechnical)
            {
                _technicalSchools.Add(id);
            }

            _schools.Add(new School
            {
                Id = id,
                Name = SchoolName(town, profiles),
                Location = location,
                Address = Address(town),
                ReleaseTime = _random.Pick(ReleaseTimes),
                ReturnBy = _random.Chance(0.15) ? new TimeOnly(16, 0) : null,
                Paths = SchoolPaths(isTechnical),
                Profiles = profiles,
            });
        }
    }

    private ImmutableArray<string> TechnicalSchoolProfiles()
    {
        var count = _random.WeightedIndex([0, 0.25, 0.5, 0.25]);
        var chosen = new List<string>();
        while (chosen.Count < count)
        {
            var profile = _random.PickWeighted(TechnicalProfileSites, p => chosen.Contains(p.Profile) ? 0 : p.Weight).Profile;
            if (!chosen.Contains(profile))
            {
                chosen.Add(profile);
            }
        }

        var others = _random.WeightedIndex([0.4, 0.4, 0.2]);
        AddOtherProfiles(chosen, others);
        return [.. chosen];
    }

    private ImmutableArray<string> OtherSchoolProfiles(bool first)
    {
        // The first non-technical school is "techniekverwant": a technically flavoured D&P school (Regio C).
        var chosen = first ? new List<string> { "D&P" } : [];
        AddOtherProfiles(chosen, first ? _random.Between(0, 2) : _random.Between(1, 3));
        return [.. chosen];
    }

    private void AddOtherProfiles(List<string> chosen, int count)
    {
        for (var added = 0; added < count; added++)
        {
            var profile = _random.PickWeighted(OtherProfilePupils, p => chosen.Contains(p.Profile) ? 0 : p.Weight).Profile;
            if (!chosen.Contains(profile))
            {
                chosen.Add(profile);
            }
        }
    }

    private ImmutableArray<LearningPath> SchoolPaths(bool isTechnical)
    {
        var paths = new List<LearningPath> { LearningPath.Basic, LearningPath.Advanced };
        if (!isTechnical || _random.Chance(0.35))
        {
            paths.Add(LearningPath.Combined);
        }

        if (_random.Chance(0.2))
        {
            paths.Add(LearningPath.Theoretical);
        }

        return [.. paths];
    }

    /// <summary>Uniform in the region's square, at least 2 km from other schools where possible.</summary>
    private GeoPoint SchoolLocation(List<GeoPoint> taken)
    {
        var half = _p.RegionSizeKm / 2;
        var candidate = _p.Centre;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            candidate = Offset(_p.Centre, _random.Uniform(-half, half), _random.Uniform(-half, half));
            var spacing = Math.Min(2.0, _p.RegionSizeKm / 6);
            if (taken.All(t => t.StraightLineKmTo(candidate) >= spacing))
            {
                break;
            }
        }

        return candidate;
    }

    private static string SchoolName(string town, ImmutableArray<string> profiles) =>
        profiles.Any(ElectiveCatalogue.IsTechnicalProfile) ? $"Techniekcollege {town}"
        : profiles.Contains("D&P") ? $"Vakcollege {town}"
        : profiles.Contains("Groen") ? $"Groen College {town}"
        : $"Vmbo {town}";

    private void AddExternalSites()
    {
        var half = _p.RegionSizeKm / 2;
        for (var i = 0; i < _p.MboCollegeCount; i++)
        {
            var town = DemoNames.Towns[i % DemoNames.Towns.Length];
            _externalSites.Add(new ExternalSite(
                new VenueId($"mbo-{i + 1}"),
                $"ROC {town} Techniek",
                VenueKind.MboCollege,
                Offset(_p.Centre, _random.Uniform(-half, half) * 0.4, _random.Uniform(-half, half) * 0.4),
                Address(town)));
        }

        for (var i = 0; i < _p.TradeSchoolCount; i++)
        {
            var town = DemoNames.Towns[(i + 2) % DemoNames.Towns.Length];
            _externalSites.Add(new ExternalSite(
                new VenueId($"trade-{i + 1}"),
                i % 2 == 0 ? $"Bouw- en Installatieopleidingen {town}" : $"Vakopleiding Mobiliteit {town}",
                VenueKind.TradeSchool,
                Offset(_p.Centre, _random.Uniform(-half, half) * 0.6, _random.Uniform(-half, half) * 0.6),
                Address(town)));
        }
    }
}
