using System.Collections.Immutable;
using System.Globalization;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Tests.Support;

/// <summary>
/// Builds small problems that read like the scenario. Defaults are valid and boring: Tuesday 12:45–16:15,
/// weeks 2027-W03..W04, sessions 13:30–15:30, every school with its own workshop venue "{school}-lab".
/// </summary>
public sealed class ProblemBuilder
{
    private readonly List<School> _schools = [];
    private readonly List<Venue> _venues = [];
    private readonly List<ElectiveOffer> _offers = [];
    private readonly List<StaffMember> _staff = [];
    private readonly List<Pupil> _pupils = [];
    private readonly List<EquipmentKit> _kits = [];
    private ImmutableArray<Week> _weeks = [new Week(2027, 3), new Week(2027, 4)];
    private RegionRules _rules = new();

    public ProblemBuilder Weeks(params int[] numbers)
    {
        _weeks = [.. numbers.Select(n => new Week(2027, n))];
        return this;
    }

    public ProblemBuilder Rules(Func<RegionRules, RegionRules> change)
    {
        _rules = change(_rules);
        return this;
    }

    /// <summary>A school at (52.2 + north km / 111, 6.9) with a workshop venue "{id}-lab" of capacity 100.</summary>
    public ProblemBuilder School(string id, double northKm = 0, TimeOnly? release = null)
    {
        var location = new GeoPoint(52.2 + (northKm / 111.2), 6.9);
        _schools.Add(new School
        {
            Id = new SchoolId(id),
            Name = id,
            Location = location,
            ReleaseTime = release ?? new TimeOnly(12, 45),
            Paths = [LearningPath.Basic, LearningPath.Advanced, LearningPath.Combined],
            Profiles = ["PIE"],
        });
        _venues.Add(new Venue { Id = new VenueId($"{id}-lab"), Name = $"{id} lab", Location = location, School = new SchoolId(id), WeeklyPupilCapacity = 100 });
        return this;
    }

    public ProblemBuilder Venue(Venue venue)
    {
        _venues.Add(venue);
        return this;
    }

    /// <summary>An offer hosted by <paramref name="host"/> meeting every week at "{host}-lab", open to everyone by default.</summary>
    public ProblemBuilder Offer(string id, string host, int min = 6, int max = 15, int parallel = 1, int? open = null, Func<ElectiveOffer, ElectiveOffer>? change = null)
    {
        var offer = new ElectiveOffer
        {
            Id = new OfferId(id),
            ElectiveCode = id.ToUpperInvariant(),
            Name = id,
            Profile = "PIE",
            ProviderName = host,
            HostSchool = new SchoolId(host),
            MinGroupSize = min,
            MaxGroupSize = max,
            MaxParallelGroups = parallel,
            OwnPupilSeats = 0,
            OpenSeats = open ?? (max * parallel),
            RequiredQualification = id,
            Sessions = [.. _weeks.Select(w => new Session { Week = w, Venue = new VenueId($"{host}-lab"), Start = new TimeOnly(13, 30), End = new TimeOnly(15, 30) })],
        };
        _offers.Add(change is null ? offer : change(offer));
        return this;
    }

    /// <summary>Adds <paramref name="count"/> pupils "{school}-NN" ranking the offers in the given order.</summary>
    public ProblemBuilder Pupils(int count, string school, params string[] choosing)
    {
        var start = _pupils.Count(p => p.School.Value == school);
        for (var i = 0; i < count; i++)
        {
            _pupils.Add(new Pupil
            {
                Id = new PupilId(string.Create(CultureInfo.InvariantCulture, $"{school}-{start + i + 1:D2}")),
                School = new SchoolId(school),
                Path = LearningPath.Advanced,
                Year = 3,
                Profile = "PIE",
                Choices = [.. choosing.Select((offer, rank) => new ElectiveChoice { Offer = new OfferId(offer), Rank = rank + 1 })],
            });
        }

        return this;
    }

    /// <summary>A qualified docent based at <paramref name="school"/> who may staff the given offers.</summary>
    public ProblemBuilder Docent(string id, string school, params string[] qualifiedFor) =>
        Staff(new StaffMember { Id = new StaffId(id), Name = id, Kind = StaffKind.Docent, IsQualifiedTeacher = true, BaseSite = school, Qualifications = [.. qualifiedFor] });

    /// <summary>An instructor (counts for the ratio, not a qualified docent).</summary>
    public ProblemBuilder Instructor(string id, string school, params string[] qualifiedFor) =>
        Staff(new StaffMember { Id = new StaffId(id), Name = id, Kind = StaffKind.Instructor, BaseSite = school, Qualifications = [.. qualifiedFor] });

    public ProblemBuilder Staff(StaffMember staff)
    {
        _staff.Add(staff);
        return this;
    }

    public ProblemBuilder Kit(string id, int count)
    {
        _kits.Add(new EquipmentKit { Id = new KitId(id), Name = id, Count = count });
        return this;
    }

    public SchedulingProblem Build() => new()
    {
        Subregion = "test/sub",
        Name = "test",
        Weeks = _weeks,
        Rules = _rules,
        Schools = [.. _schools],
        Venues = [.. _venues],
        Offers = [.. _offers],
        Staff = [.. _staff],
        Pupils = [.. _pupils],
        Kits = [.. _kits],
    };
}
