using System.Text;
using Sto.Scheduler.Engine.Domain;
using V1 = Sto.Scheduler.Api.V1;

namespace Sto.Scheduler.Grpc.Mapping;

/// <summary>
/// An Engine problem (the demo subregion) → API resources under one subregion name: the reverse of
/// <see cref="ProblemMapping"/>. Host-less offers become regional offers of the first school; staff based at a
/// venue belong to the venue's school, else the first school.
/// </summary>
public static class DemoMapping
{
    public static (V1.Subregion Subregion, ProblemSources Sources) ToResources(SchedulingProblem problem, string subregion)
    {
        var firstSchool = problem.Schools.IsDefaultOrEmpty ? "school" : problem.Schools[0].Id.Value;
        string School(string id) => $"{subregion}/schools/{Slug(id)}";
        string Venue(string id) => $"{subregion}/venues/{Slug(id)}";
        var venueSchools = problem.Venues.ToDictionary(v => v.Id.Value, v => v.School?.Value);
        string Site(string id) => venueSchools.ContainsKey(id) ? Venue(id) : School(id);
        var offerSchools = problem.Offers.ToDictionary(o => o.Id.Value, o => o.HostSchool?.Value ?? firstSchool);
        string Offer(string id) => $"{School(offerSchools.GetValueOrDefault(id, firstSchool))}/electiveOffers/{Slug(id)}";

        var s = new V1.Subregion
        {
            Name = subregion,
            DisplayName = problem.Name,
            Afternoon = new V1.CommonAfternoon
            {
                Weekday = ProblemMapping.ToProto(problem.Afternoon.Weekday),
                StartTime = problem.Afternoon.Start.ToTimeOfDay(),
                EndTime = problem.Afternoon.End.ToTimeOfDay(),
            },
            Weeks = { problem.Weeks.Select(w => w.ToString()) },
            Rules = new V1.AllocationRules
            {
                PupilsPerStaffMember = problem.Rules.PupilsPerStaffMember,
                BusThresholdKm = problem.Rules.BusThresholdKm,
                BusSeatCount = problem.Rules.BusSeatCount,
                MaxPlacementsPerPupil = problem.Rules.MaxPlacementsPerPupil,
                MaxExternalPlacementsPerPupil = problem.Rules.MaxExternalPlacementsPerPupil,
                ChangeoverMinutes = problem.Rules.ChangeoverMinutes,
                QualifiedDocentOptional = !problem.Rules.RequireQualifiedDocentPerGroup,
                RankCosts = { problem.Rules.Objective.RankCosts.IsDefault ? [] : problem.Rules.Objective.RankCosts.ToArray() },
                RankMaximal = problem.Rules.Objective.RankMaximal,
            },
            TravelLegs =
            {
                problem.TravelLegs.Select(l => new V1.TravelLeg
                {
                    FromSite = Site(l.From), ToSite = Site(l.To), DistanceKm = l.DistanceKm,
                    BikeMinutes = l.BikeMinutes, BusMinutes = l.BusMinutes, CarMinutes = l.CarMinutes,
                }),
            },
            LotterySeed = problem.LotterySeed,
        };
        var sources = new ProblemSources(
            s,
            [.. problem.Schools.Select(x => new V1.School
            {
                Name = School(x.Id.Value), DisplayName = x.Name, Brin = x.Brin ?? "", Location = x.Location.ToLatLng(), Address = x.Address,
                ReleaseTime = x.ReleaseTime.ToTimeOfDay(), ReturnByTime = x.ReturnBy?.ToTimeOfDay(),
                LearningPaths = { x.Paths.Select(p => (V1.LearningPath)(int)p) }, Profiles = { x.Profiles },
            })],
            [.. problem.Venues.Select(v => new V1.Venue
            {
                Name = Venue(v.Id.Value), DisplayName = v.Name, Kind = (V1.Venue.Types.Kind)(int)v.Kind, Location = v.Location.ToLatLng(),
                Address = v.Address, School = v.School is { } vs ? School(vs.Value) : "", WeeklyPupilCapacity = v.WeeklyPupilCapacity,
                HostingWeeks = { v.HostingWeeks.Select(w => w.ToString()) },
                CapacityOverrides = { v.CapacityOverrides.Select(c => new V1.WeekCapacity { Week = c.Week.ToString(), PupilCapacity = c.PupilCapacity }) },
            })],
            [.. problem.Kits.Select(k => new V1.EquipmentKit { Name = $"{subregion}/equipmentKits/{Slug(k.Id.Value)}", DisplayName = k.Name, KitCount = k.Count })],
            [.. problem.Offers.Select(o => new V1.ElectiveOffer
            {
                Name = Offer(o.Id.Value), ElectiveCode = o.ElectiveCode, DisplayName = o.Name, Profile = o.Profile, ProviderName = o.ProviderName,
                Regional = o.HostSchool is null,
                Eligibility = new V1.Eligibility
                {
                    LearningPaths = { o.Eligibility.Paths.Select(p => (V1.LearningPath)(int)p) }, Years = { o.Eligibility.Years },
                    Profiles = { o.Eligibility.Profiles }, PrerequisiteElectiveCodes = { o.Eligibility.PrerequisiteElectives },
                },
                MinGroupSize = o.MinGroupSize, MaxGroupSize = o.MaxGroupSize, MaxParallelGroups = o.MaxParallelGroups,
                OwnPupilSeatCount = o.OwnPupilSeats, OpenSeatCount = o.OpenSeats, RequiredQualification = o.RequiredQualification,
                Sessions =
                {
                    o.Sessions.Select(x => new V1.Session
                    {
                        Week = x.Week.ToString(), Venue = Venue(x.Venue.Value), StartTime = x.Start.ToTimeOfDay(), EndTime = x.End.ToTimeOfDay(),
                        Kind = x.Kind == SessionKind.Theory ? V1.Session.Types.Kind.Theory : V1.Session.Types.Kind.Practical,
                    }),
                },
                KitNeeds = { o.Kits.Select(k => new V1.KitNeed { EquipmentKit = $"{subregion}/equipmentKits/{Slug(k.Kit.Value)}", CountPerGroup = k.CountPerGroup }) },
            })],
            [.. problem.Staff.Select(m =>
            {
                var school = venueSchools.TryGetValue(m.BaseSite, out var vs) ? vs ?? firstSchool : m.BaseSite;
                return new V1.StaffMember
                {
                    Name = $"{School(school)}/staffMembers/{Slug(m.Id.Value)}", DisplayName = m.Name, Kind = (V1.StaffKind)(int)m.Kind,
                    QualifiedTeacher = m.IsQualifiedTeacher, Employer = m.Employer, BaseSite = Site(m.BaseSite),
                    Qualifications = { m.Qualifications }, AvailableWeeks = { m.AvailableWeeks.Select(w => w.ToString()) },
                };
            })],
            [.. problem.Pupils.Select(p => new V1.Pupil
            {
                Name = $"{School(p.School.Value)}/pupils/{Slug(p.Id.Value)}", LearningPath = (V1.LearningPath)(int)p.Path, Year = p.Year,
                Profile = p.Profile, CompletedElectiveCodes = { p.CompletedElectives },
                Choices = { p.Choices.Select(c => new V1.ElectiveChoice { ElectiveOffer = Offer(c.Offer.Value), Rank = c.Rank }) },
            })]);
        return (s, sources);
    }

    /// <summary>A valid resource id from any domain id: lowercase, [a-z0-9-], at most 63 characters.</summary>
    public static string Slug(string id)
    {
        var slug = new StringBuilder();
        foreach (var c in id.ToLowerInvariant())
        {
            slug.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-');
        }

        var text = slug.ToString().Trim('-');
        text = text.Length > 63 ? text[..63].TrimEnd('-') : text;
        return text.Length == 0 ? "x" : text;
    }
}
