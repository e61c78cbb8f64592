using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using V1 = Sto.Scheduler.Api.V1;

namespace Sto.Scheduler.Grpc.Mapping;

/// <summary>The stored resources of one subregion, as read for a run.</summary>
public sealed record ProblemSources(
    V1.Subregion Subregion,
    IReadOnlyList<V1.School> Schools,
    IReadOnlyList<V1.Venue> Venues,
    IReadOnlyList<V1.EquipmentKit> Kits,
    IReadOnlyList<V1.ElectiveOffer> Offers,
    IReadOnlyList<V1.StaffMember> Staff,
    IReadOnlyList<V1.Pupil> Pupils);

/// <summary>
/// Stored resources → the Engine's <see cref="SchedulingProblem"/>. Domain ids are the resource names, so the
/// Engine's answer maps back without lookups. Sessions outside the run's weeks are left out. A choice of an offer
/// that does not exist (withdrawn after the pupil chose it) is kept, so the Engine's validation reports it as
/// <c>pupils[i].choices[j].offer</c> [unknown-offer] instead of the pupil silently losing a wish.
/// </summary>
public static class ProblemMapping
{
    public static SchedulingProblem ToDomain(ProblemSources sources, IReadOnlyList<string> runWeeks)
    {
        var s = sources.Subregion;
        var weekTexts = runWeeks.Count > 0 ? runWeeks : s.Weeks;
        var weeks = weekTexts.Select(Week.Parse).Distinct().Order().ToImmutableArray();
        var afternoon = new CommonAfternoon
        {
            Weekday = ToDayOfWeek(s.Afternoon?.Weekday ?? Google.Type.DayOfWeek.Tuesday),
            Start = s.Afternoon?.StartTime.ToTimeOnly() ?? new TimeOnly(12, 45),
            End = s.Afternoon?.EndTime.ToTimeOnly() ?? new TimeOnly(16, 15),
        };
        return new SchedulingProblem
        {
            Subregion = s.Name,
            Name = s.DisplayName,
            Afternoon = afternoon,
            Weeks = weeks,
            Rules = ToRules(s.Rules, s.TravelModel),
            Schools = [.. sources.Schools.Select(x => ToSchool(x, afternoon))],
            Venues = [.. sources.Venues.Select(v => ForWeeks(ToVenue(v), weeks))],
            Kits = [.. sources.Kits.Select(k => new EquipmentKit { Id = new KitId(k.Name), Name = k.DisplayName, Count = k.KitCount })],
            Offers = [.. sources.Offers.Select(o => ToOffer(o, weeks))],
            Staff = [.. sources.Staff.Select(x => ForWeeks(ToStaff(x), weeks))],
            Pupils = [.. sources.Pupils.Select(ToPupil)],
            TravelLegs = [.. s.TravelLegs.Select(l => new TravelLeg
            {
                From = l.FromSite, To = l.ToSite, DistanceKm = l.DistanceKm,
                BikeMinutes = l.BikeMinutes, BusMinutes = l.BusMinutes, CarMinutes = l.CarMinutes,
            })],
            LotterySeed = s.LotterySeed == 0 ? 1 : s.LotterySeed,
        };
    }

    public static DayOfWeek ToDayOfWeek(Google.Type.DayOfWeek day) =>
        day == Google.Type.DayOfWeek.Sunday ? DayOfWeek.Sunday : (DayOfWeek)(int)day;

    public static Google.Type.DayOfWeek ToProto(DayOfWeek day) =>
        day == DayOfWeek.Sunday ? Google.Type.DayOfWeek.Sunday : (Google.Type.DayOfWeek)(int)day;

    private static RegionRules ToRules(V1.AllocationRules? r, V1.TravelModel? t)
    {
        var defaults = new RegionRules();
        var travel = new TravelModel();
        r ??= new V1.AllocationRules();
        t ??= new V1.TravelModel();
        return defaults with
        {
            PupilsPerStaffMember = Or(r.PupilsPerStaffMember, defaults.PupilsPerStaffMember),
            BusThresholdKm = Or(r.BusThresholdKm, defaults.BusThresholdKm),
            BusSeatCount = Or(r.BusSeatCount, defaults.BusSeatCount),
            MaxPlacementsPerPupil = Or(r.MaxPlacementsPerPupil, defaults.MaxPlacementsPerPupil),
            MaxExternalPlacementsPerPupil = Or(r.MaxExternalPlacementsPerPupil, defaults.MaxExternalPlacementsPerPupil),
            ChangeoverMinutes = r.ChangeoverMinutes,
            RequireQualifiedDocentPerGroup = !r.QualifiedDocentOptional,
            Objective = (r.RankCosts.Count > 0 ? defaults.Objective with { RankCosts = [.. r.RankCosts] } : defaults.Objective) with
            {
                RankMaximal = r.RankMaximal,
            },
            Travel = travel with
            {
                RoadDetourFactor = Or(t.RoadDetourFactor, travel.RoadDetourFactor),
                BikeMinutesPerKm = Or(t.BikeMinutesPerKm, travel.BikeMinutesPerKm),
                BusFixedMinutes = Or(t.BusFixedMinutes, travel.BusFixedMinutes),
                BusMinutesPerKm = Or(t.BusMinutesPerKm, travel.BusMinutesPerKm),
                CarFixedMinutes = Or(t.CarFixedMinutes, travel.CarFixedMinutes),
                CarMinutesPerKm = Or(t.CarMinutesPerKm, travel.CarMinutesPerKm),
            },
        };
    }

    private static School ToSchool(V1.School s, CommonAfternoon afternoon) => new()
    {
        Id = new SchoolId(s.Name),
        Name = s.DisplayName,
        Brin = s.Brin.Length > 0 ? s.Brin : null,
        Location = s.Location.ToGeoPoint(),
        Address = s.Address,
        ReleaseTime = s.ReleaseTime is null ? afternoon.Start : s.ReleaseTime.ToTimeOnly(),
        ReturnBy = s.ReturnByTime is null ? null : s.ReturnByTime.ToTimeOnly(),
        Paths = [.. s.LearningPaths.Select(p => (LearningPath)(int)p)],
        Profiles = [.. s.Profiles],
    };

    private static Venue ToVenue(V1.Venue v) => new()
    {
        Id = new VenueId(v.Name),
        Name = v.DisplayName,
        Kind = (VenueKind)(int)v.Kind,
        Location = v.Location.ToGeoPoint(),
        Address = v.Address,
        School = v.School.Length > 0 ? new SchoolId(v.School) : null,
        WeeklyPupilCapacity = v.WeeklyPupilCapacity,
        HostingWeeks = [.. v.HostingWeeks.Select(Week.Parse)],
        CapacityOverrides = [.. v.CapacityOverrides.Select(c => new VenueWeekCapacity { Week = Week.Parse(c.Week), PupilCapacity = c.PupilCapacity })],
    };

    /// <summary>A run over part of the period sees the venue only in the run's weeks.</summary>
    private static Venue ForWeeks(Venue venue, ImmutableArray<Week> weeks)
    {
        var hosting = venue.HostingWeeks.Where(weeks.Contains).ToImmutableArray();
        return venue with
        {
            // A venue that hosts only outside the run's weeks has no capacity in it.
            WeeklyPupilCapacity = !venue.HostingWeeks.IsEmpty && hosting.IsEmpty ? 0 : venue.WeeklyPupilCapacity,
            HostingWeeks = hosting,
            CapacityOverrides = [.. venue.CapacityOverrides.Where(o => weeks.Contains(o.Week))],
        };
    }

    /// <summary>A run over part of the period sees the staff member's availability only in the run's weeks.</summary>
    private static StaffMember ForWeeks(StaffMember staff, ImmutableArray<Week> weeks)
    {
        var available = staff.AvailableWeeks.Where(weeks.Contains).ToImmutableArray();
        return !staff.AvailableWeeks.IsEmpty && available.IsEmpty
            ? staff with { AvailableWeeks = [], UnavailableWeeks = weeks }
            : staff with { AvailableWeeks = available };
    }

    private static ElectiveOffer ToOffer(V1.ElectiveOffer o, ImmutableArray<Week> weeks) => ForWeeks(new ElectiveOffer
    {
        Id = new OfferId(o.Name),
        ElectiveCode = o.ElectiveCode,
        Name = o.DisplayName,
        Profile = o.Profile,
        ProviderName = o.ProviderName,
        HostSchool = o.Regional ? null : new SchoolId(ResourcePattern.Ancestor(o.Name, 2)),
        Eligibility = new Eligibility
        {
            Paths = [.. (o.Eligibility?.LearningPaths ?? []).Select(p => (LearningPath)(int)p)],
            Years = [.. o.Eligibility?.Years ?? []],
            Profiles = [.. o.Eligibility?.Profiles ?? []],
            PrerequisiteElectives = [.. o.Eligibility?.PrerequisiteElectiveCodes ?? []],
        },
        MinGroupSize = o.MinGroupSize,
        MaxGroupSize = o.MaxGroupSize,
        MaxParallelGroups = Math.Max(1, o.MaxParallelGroups),
        OwnPupilSeats = o.OwnPupilSeatCount,
        OpenSeats = o.OpenSeatCount,
        RequiredQualification = o.RequiredQualification,
        Sessions = [.. o.Sessions
            .Select(x => (Session: x, Week: Week.Parse(x.Week)))
            .Where(x => weeks.Contains(x.Week))
            .OrderBy(x => x.Week)
            .Select(x => new Session
            {
                Week = x.Week,
                Venue = new VenueId(x.Session.Venue),
                Start = x.Session.StartTime.ToTimeOnly(),
                End = x.Session.EndTime.ToTimeOnly(),
                Kind = x.Session.Kind == V1.Session.Types.Kind.Theory ? SessionKind.Theory : SessionKind.Practical,
            })],
        Kits = [.. o.KitNeeds.Select(k => new KitNeed { Kit = new KitId(k.EquipmentKit), CountPerGroup = Math.Max(1, k.CountPerGroup) })],
    });

    /// <summary>An offer that does not meet in any of the run's weeks cannot be allocated in this run.</summary>
    private static ElectiveOffer ForWeeks(ElectiveOffer offer) => offer.Sessions.IsEmpty ? offer with { IsCancelled = true } : offer;

    private static StaffMember ToStaff(V1.StaffMember s) => new()
    {
        Id = new StaffId(s.Name),
        Name = s.DisplayName,
        Kind = (StaffKind)(int)s.Kind,
        IsQualifiedTeacher = s.QualifiedTeacher,
        Employer = s.Employer,
        BaseSite = s.BaseSite.Length > 0 ? s.BaseSite : ResourcePattern.Ancestor(s.Name, 2),
        Qualifications = [.. s.Qualifications],
        AvailableWeeks = [.. s.AvailableWeeks.Select(Week.Parse)],
    };

    /// <summary>A stored pupil as the Engine's pupil (also used alone for a re-plan's added pupils).</summary>
    internal static Pupil ToPupil(V1.Pupil p) => new()
    {
        Id = new PupilId(p.Name),
        School = new SchoolId(ResourcePattern.Ancestor(p.Name, 2)),
        Path = (LearningPath)(int)p.LearningPath,
        Year = p.Year,
        Profile = p.Profile,
        Choices = [.. p.Choices.Select(c => new ElectiveChoice { Offer = new OfferId(c.ElectiveOffer), Rank = c.Rank })],
        CompletedElectives = [.. p.CompletedElectiveCodes],
    };

    private static int Or(int value, int fallback) => value > 0 ? value : fallback;

    private static double Or(double value, double fallback) => value > 0 ? value : fallback;
}
