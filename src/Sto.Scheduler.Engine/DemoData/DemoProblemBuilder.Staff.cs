using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.DemoData;

/// <summary>
/// Staff that binds (PERFORMANCE.md §1.1): per provider a pool of StaffFactor × Σ MaxParallelGroups × ⌈MaxGroupSize / 15⌉
/// over its offers; about one qualified docent per StaffFactor × group slot, the rest unqualified docents and
/// instructors; plus hybrid docents (some weeks) and company instructors (hosting weeks only).
/// </summary>
internal sealed partial class DemoProblemBuilder
{
    private void AddStaff()
    {
        foreach (var school in _schools)
        {
            var offers = _offers.Where(o => o.HostSchool == school.Id).ToList();
            if (offers.Count > 0)
            {
                AddPool(school.Id.Value, school.Name, school.Id.Value, offers);
                AddHybridDocents(school);
            }
        }

        foreach (var site in _externalSites)
        {
            var offers = _offers.Where(o => o.HostSchool is null && o.Sessions.Any(s => s.Venue == site.Id)).ToList();
            if (offers.Count > 0)
            {
                AddPool(site.Id.Value, site.Name, site.Id.Value, offers);
            }
        }

        for (var h = 0; h < _hotspots.Count; h++)
        {
            AddCompanyInstructors(_hotspots[h]);
        }
    }

    private void AddPool(string key, string employer, string baseSite, List<ElectiveOffer> offers)
    {
        var ratio = new RegionRules().PupilsPerStaffMember;
        var slots = offers.Sum(o => o.MaxParallelGroups);
        var demand = offers.Sum(o => o.MaxParallelGroups * ((o.MaxGroupSize + ratio - 1) / ratio));
        var profiles = offers.Select(o => o.Profile).Distinct().ToList();
        var pool = Math.Max(profiles.Count, (int)Math.Round(_p.StaffFactor * demand));
        var qualified = Math.Clamp((int)Math.Round(_p.StaffFactor * 0.9 * slots), profiles.Count, pool);
        var unqualified = (pool - qualified) / 3;
        var instructors = pool - qualified - unqualified;

        var members = new List<StaffMember>();
        for (var i = 0; i < qualified + unqualified + instructors; i++)
        {
            var isInstructor = i >= qualified + unqualified;
            var primary = i < profiles.Count ? profiles[i] : _random.PickWeighted(offers, _ => 1.0).Profile;
            var second = profiles.Count > 1 && _random.Chance(0.25) ? _random.Pick(profiles) : primary;
            var number = isInstructor ? i - qualified - unqualified + 1 : i + 1;
            members.Add(new StaffMember
            {
                Id = new StaffId($"{key}-{(isInstructor ? 'i' : 'd')}{number:D2}"),
                Name = StaffName(),
                Kind = isInstructor ? StaffKind.Instructor : StaffKind.Docent,
                IsQualifiedTeacher = i < qualified,
                Employer = employer,
                BaseSite = baseSite,
                Qualifications = [.. new[] { primary, second }.Distinct()],
            });
        }

        // Offers that need a specialist (their elective code) get one qualified docent and one instructor who hold it.
        foreach (var offer in offers.Where(o => o.RequiredQualification == o.ElectiveCode))
        {
            GrantCode(members, offer, m => m.IsQualifiedTeacher);
            GrantCode(members, offer, m => m.Kind == StaffKind.Instructor);
        }

        _staff.AddRange(members);
    }

    private static void GrantCode(List<StaffMember> members, ElectiveOffer offer, Func<StaffMember, bool> kind)
    {
        var index = members.FindIndex(m => kind(m) && m.Qualifications.Contains(offer.Profile));
        index = index >= 0 ? index : members.FindIndex(m => kind(m));
        if (index >= 0 && !members[index].Qualifications.Contains(offer.ElectiveCode))
        {
            members[index] = members[index] with { Qualifications = members[index].Qualifications.Add(offer.ElectiveCode) };
        }
    }

    private void AddHybridDocents(School school)
    {
        if (!_technicalSchools.Contains(school.Id))
        {
            return;
        }

        var count = (_random.Chance(0.5) ? 1 : 0) + (_random.Chance(0.2) ? 1 : 0);
        var profiles = school.Profiles.Where(ElectiveCatalogue.IsTechnicalProfile).ToArray();
        for (var i = 0; i < count; i++)
        {
            var profile = _random.Pick(profiles);
            var weeks = _random.Shuffled(_weeks).Take(_random.Between(Math.Max(1, _weeks.Count / 3), Math.Max(1, _weeks.Count * 2 / 3)));
            _staff.Add(new StaffMember
            {
                Id = new StaffId($"{school.Id.Value}-h{i + 1:D2}"),
                Name = StaffName(),
                Kind = StaffKind.HybridDocent,
                IsQualifiedTeacher = _random.Chance(0.4),
                Employer = _random.Pick(DemoNames.Companies(profile)),
                BaseSite = school.Id.Value,
                Qualifications = [profile],
                AvailableWeeks = [.. weeks.Order()],
            });
        }
    }

    private void AddCompanyInstructors(Hotspot hotspot)
    {
        var profiles = _offers
            .Where(o => o.Sessions.Any(s => s.Venue == hotspot.Venue.Id))
            .Select(o => o.Profile)
            .Distinct()
            .ToImmutableArray();
        if (profiles.IsEmpty)
        {
            return;
        }

        var count = _random.Between(1, 2);
        for (var i = 0; i < count; i++)
        {
            _staff.Add(new StaffMember
            {
                Id = new StaffId($"{hotspot.Venue.Id.Value}-c{i + 1:D2}"),
                Name = StaffName(),
                Kind = StaffKind.CompanyInstructor,
                Employer = hotspot.Company,
                BaseSite = hotspot.Venue.Id.Value,
                Qualifications = profiles,
                AvailableWeeks = hotspot.Venue.HostingWeeks,
            });
        }
    }
}
