using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Tests.Support;

/// <summary>
/// Builds small hand-made problems for the greedy baseline (schools on a line, km east of a origin; sessions
/// 13:30–15:30 in weeks 1..n of 2026), a seeded large random problem, and <see cref="AssertKeyHardRules"/>, an
/// independent check of the hard rules of docs/rules.md on an allocation. Kept in one file on purpose: the shared
/// <c>AllocationChecker</c> replaces the assertion part after the merge.
/// </summary>
public sealed class GreedyScenario
{
    private const double Latitude = 52.0;
    private const double KmPerDegreeLongitude = 68.6;
    private readonly List<School> _schools = [];
    private readonly List<Venue> _venues = [];
    private readonly List<ElectiveOffer> _offers = [];
    private readonly List<StaffMember> _staff = [];
    private readonly List<Pupil> _pupils = [];
    private readonly List<EquipmentKit> _kits = [];
    private RegionRules _rules = new() { StaffWorkForOwnProviderOnly = false };
    private int _weekCount = 3;

    /// <summary>Week n (1-based) of the scenario's period.</summary>
    public static Week Week(int n) => new(2026, 9 + n);

    public GreedyScenario Weeks(int count)
    {
        _weekCount = count;
        return this;
    }

    public GreedyScenario Rules(Func<RegionRules, RegionRules> change)
    {
        _rules = change(_rules);
        return this;
    }

    /// <summary>A school and its own workshop venue "{id}-lab" on the same site.</summary>
    public GreedyScenario School(string id, double eastKm = 0, int labCapacity = 100)
    {
        _schools.Add(new School { Id = new SchoolId(id), Name = id, Location = At(eastKm), Paths = [.. Eligibility.DefaultPaths] });
        return Venue($"{id}-lab", eastKm, labCapacity, school: id);
    }

    public GreedyScenario Venue(string id, double eastKm, int capacity, string? school = null, params (int Week, int Capacity)[] overrides)
    {
        _venues.Add(new Venue
        {
            Id = new VenueId(id),
            Name = id,
            Kind = school is null ? VenueKind.CompanyHotspot : VenueKind.SchoolWorkshop,
            Location = At(eastKm),
            School = school is null ? null : new SchoolId(school),
            WeeklyPupilCapacity = capacity,
            CapacityOverrides = [.. overrides.Select(o => new VenueWeekCapacity { Week = Week(o.Week), PupilCapacity = o.Capacity })],
        });
        return this;
    }

    /// <summary>
    /// An offer meeting every week (or <paramref name="onlyWeeks"/>) at <paramref name="venue"/> (or per week at
    /// <paramref name="venueByWeek"/>); its elective code is the upper-cased id, its qualification the id.
    /// </summary>
    public GreedyScenario Offer(
        string id,
        string venue,
        string? host = null,
        int min = 1,
        int max = 15,
        int parallel = 1,
        int openSeats = 30,
        string? kit = null,
        SessionKind kind = SessionKind.Practical,
        Func<int, string>? venueByWeek = null,
        int[]? onlyWeeks = null)
    {
        _offers.Add(new ElectiveOffer
        {
            Id = new OfferId(id),
            ElectiveCode = id.ToUpperInvariant(),
            Name = id,
            HostSchool = host is null ? null : new SchoolId(host),
            MinGroupSize = min,
            MaxGroupSize = max,
            MaxParallelGroups = parallel,
            OpenSeats = openSeats,
            RequiredQualification = id,
            Sessions = [.. (onlyWeeks ?? Enumerable.Range(1, _weekCount)).Select(w => new Session
            {
                Week = Week(w),
                Venue = new VenueId(venueByWeek?.Invoke(w) ?? venue),
                Start = new TimeOnly(13, 30),
                End = new TimeOnly(15, 30),
                Kind = kind,
            })],
            Kits = kit is null ? [] : [new KitNeed { Kit = new KitId(kit), CountPerGroup = 1 }],
        });
        return this;
    }

    /// <summary>A staff member based at a school (or venue) who may staff the listed offers.</summary>
    public GreedyScenario Staff(
        string id,
        string at,
        string[] qualifiedFor,
        StaffKind kind = StaffKind.Docent,
        bool qualifiedTeacher = true,
        params int[] availableWeeks)
    {
        _staff.Add(new StaffMember
        {
            Id = new StaffId(id),
            Name = id,
            Kind = kind,
            IsQualifiedTeacher = qualifiedTeacher,
            BaseSite = at,
            Qualifications = [.. qualifiedFor],
            AvailableWeeks = [.. availableWeeks.Select(Week)],
        });
        return this;
    }

    public GreedyScenario Docent(string id, string at, params string[] qualifiedFor) => Staff(id, at, qualifiedFor);

    public GreedyScenario Instructor(string id, string at, params string[] qualifiedFor) =>
        Staff(id, at, qualifiedFor, StaffKind.Instructor, qualifiedTeacher: false);

    public GreedyScenario Kit(string id, int count)
    {
        _kits.Add(new EquipmentKit { Id = new KitId(id), Name = id, Count = count });
        return this;
    }

    /// <summary>One pupil choosing the offers in rank order.</summary>
    public GreedyScenario Pupil(string id, string school, params string[] choices) =>
        PupilWith(new Pupil { Id = new PupilId(id), School = new SchoolId(school) }, choices);

    /// <summary>Pupils "{prefix}-01" … with the same choices.</summary>
    public GreedyScenario Pupils(string prefix, int count, string school, params string[] choices)
    {
        for (var i = 1; i <= count; i++)
        {
            Pupil($"{prefix}-{i:D2}", school, choices);
        }

        return this;
    }

    public GreedyScenario PupilWith(Pupil pupil, params string[] choices)
    {
        _pupils.Add(pupil with
        {
            Choices = [.. choices.Select((c, i) => new ElectiveChoice { Offer = new OfferId(c), Rank = i + 1 })],
        });
        return this;
    }

    public SchedulingProblem Build() => new()
    {
        Subregion = "test",
        Name = "greedy scenario",
        Weeks = [.. Enumerable.Range(1, _weekCount).Select(Week)],
        Rules = _rules,
        Schools = [.. _schools],
        Venues = [.. _venues],
        Offers = [.. _offers],
        Staff = [.. _staff],
        Pupils = [.. _pupils],
        Kits = [.. _kits],
    };

    private static GeoPoint At(double eastKm, double northKm = 0) =>
        new(Latitude + (northKm / 111.2), 5.0 + (eastKm / KmPerDegreeLongitude));

    /// <summary>
    /// A seeded random subregion: ~250 pupils per school within 20 km, school labs and company hotspots (second half
    /// of the period), offers with parallel groups, open seats, kits and hybrid weeks, docents, instructors and
    /// hybrid docents with gaps, and five choices per pupil among the 30 offers nearest to their school.
    /// </summary>
    public static SchedulingProblem Random(int seed, int pupilCount, int offerCount, int weekCount, int placementsPerPupil = 1)
    {
        var random = new Random(seed);
        var weeks = Enumerable.Range(1, weekCount).Select(Week).ToArray();
        var schools = Enumerable.Range(0, Math.Max(2, pupilCount / 250)).Select(i => new School
        {
            Id = new SchoolId($"s{i:D2}"),
            Location = At(random.NextDouble() * 20, random.NextDouble() * 20),
            ReleaseTime = i % 5 == 0 ? new TimeOnly(13, 0) : new TimeOnly(12, 45),
        }).ToArray();
        var venues = schools.Select(s => new Venue
        {
            Id = new VenueId($"{s.Id}-lab"), School = s.Id, Location = s.Location, WeeklyPupilCapacity = 60 + random.Next(80),
        }).ToList();
        var hotspots = Enumerable.Range(0, Math.Max(1, offerCount / 25)).Select(i => new Venue
        {
            Id = new VenueId($"hotspot-{i}"),
            Kind = VenueKind.CompanyHotspot,
            Location = At(random.NextDouble() * 20, random.NextDouble() * 20),
            WeeklyPupilCapacity = 20 + random.Next(20),
            HostingWeeks = [.. weeks.Skip(weekCount / 2)],
        }).ToArray();
        venues.AddRange(hotspots);
        var kits = Enumerable.Range(0, 3).Select(i => new EquipmentKit { Id = new KitId($"kit-{i}"), Count = 2 + random.Next(4) }).ToArray();

        var offers = new List<ElectiveOffer>();
        var staff = new List<StaffMember>();
        for (var i = 0; i < offerCount; i++)
        {
            var host = schools[random.Next(schools.Length)];
            var hotspot = random.NextDouble() < 0.15 ? hotspots[random.Next(hotspots.Length)] : null;
            var code = $"E{i % Math.Max(1, offerCount * 4 / 5):D3}";
            offers.Add(new ElectiveOffer
            {
                Id = new OfferId($"o{i:D3}"),
                ElectiveCode = code,
                HostSchool = random.NextDouble() < 0.1 ? null : host.Id,
                MinGroupSize = 4 + random.Next(4),
                MaxGroupSize = 12 + random.Next(6),
                MaxParallelGroups = 1 + random.Next(3),
                OpenSeats = random.Next(5) * 8,
                RequiredQualification = code,
                Sessions = [.. weeks.Select((w, n) => new Session
                {
                    Week = w,
                    Venue = hotspot is not null && n >= weekCount / 2 ? hotspot.Id : new VenueId($"{host.Id}-lab"),
                    Start = new TimeOnly(13, 30),
                    End = new TimeOnly(15, 30),
                    Kind = n == 0 && i % 5 == 0 ? SessionKind.Theory : SessionKind.Practical,
                })],
                Kits = random.NextDouble() < 0.15 ? [new KitNeed { Kit = kits[random.Next(kits.Length)].Id }] : [],
            });
            var other = $"E{random.Next(Math.Max(1, offerCount * 4 / 5)):D3}";
            staff.Add(new StaffMember { Id = new StaffId($"d{i:D3}"), BaseSite = host.Id.Value, IsQualifiedTeacher = true, Qualifications = [code, other] });
            if (random.NextDouble() < 0.5)
            {
                staff.Add(new StaffMember { Id = new StaffId($"i{i:D3}"), Kind = StaffKind.Instructor, BaseSite = host.Id.Value, Qualifications = [code] });
            }

            if (random.NextDouble() < 0.2)
            {
                staff.Add(new StaffMember
                {
                    Id = new StaffId($"h{i:D3}"), Kind = StaffKind.HybridDocent, IsQualifiedTeacher = true,
                    BaseSite = (hotspot ?? venues[0]).Id.Value, Qualifications = [code],
                    AvailableWeeks = [.. weeks.Where(_ => random.NextDouble() < 0.8)],
                });
            }
        }

        var nearest = schools.ToDictionary(s => s.Id, s => offers
            .OrderBy(o => s.Location.StraightLineKmTo(venues.First(v => v.Id == o.Sessions[0].Venue).Location))
            .Take(30).ToArray());
        var paths = new[] { LearningPath.Basic, LearningPath.Advanced, LearningPath.Combined, LearningPath.Theoretical };
        var pupils = Enumerable.Range(0, pupilCount).Select(i =>
        {
            var school = schools[random.Next(schools.Length)];
            var near = nearest[school.Id].OrderBy(_ => random.Next()).Take(5).ToArray();
            return new Pupil
            {
                Id = new PupilId($"p{i:D5}"),
                School = school.Id,
                Path = paths[random.Next(20) == 0 ? 3 : random.Next(3)],
                Year = 3 + random.Next(2),
                Choices = [.. near.Select((o, r) => new ElectiveChoice { Offer = o.Id, Rank = r + 1 })],
            };
        });

        return new SchedulingProblem
        {
            Subregion = "random",
            Weeks = [.. weeks],
            Rules = new RegionRules { MaxPlacementsPerPupil = placementsPerPupil, StaffWorkForOwnProviderOnly = false },
            Schools = [.. schools],
            Venues = [.. venues],
            Offers = [.. offers],
            Staff = [.. staff],
            Pupils = [.. pupils],
            Kits = [.. kits],
            LotterySeed = seed,
        };
    }

    /// <summary>Checks H1–H12 of docs/rules.md on the allocation from scratch and fails with every violation found.</summary>
    public static void AssertKeyHardRules(SchedulingProblem problem, Allocation allocation)
    {
        var index = ProblemIndex.Build(problem);
        var filter = new CandidateFilter(problem, index);
        var rules = problem.Rules;
        var failures = new List<string>();
        void Check(bool ok, string rule, string message)
        {
            if (!ok)
            {
                failures.Add($"{rule}: {message}");
            }
        }

        // H12 accounting and H2 candidates, H1/H3 per pupil.
        var placementsByPupil = allocation.Placements.ToLookup(p => p.Pupil);
        var unplaced = allocation.Unplaced.ToDictionary(u => u.Pupil, u => u.Reason);
        Check(allocation.Placements.All(p => index.Pupils.ContainsKey(p.Pupil) && index.Offers.ContainsKey(p.Offer)), "H12", "unknown pupil or offer");
        Check(allocation.Unplaced.All(u => index.Pupils.ContainsKey(u.Pupil)), "H12", "unknown unplaced pupil");
        foreach (var pupil in index.Pupils.Values)
        {
            var placed = placementsByPupil[pupil.Id].ToArray();
            Check(placed.Length > 0 ^ unplaced.ContainsKey(pupil.Id), "H12", $"{pupil.Id} placed and unplaced, or neither");
            var feasible = pupil.Choices.Any(c => index.Offers.TryGetValue(c.Offer, out var o) && filter.Check(pupil, o).IsFeasible);
            if (unplaced.TryGetValue(pupil.Id, out var reason))
            {
                Check(reason == (feasible ? "capacity" : "no-feasible-choice"), "H12", $"{pupil.Id} reason {reason}");
            }

            var offers = placed.Select(p => index.Offers[p.Offer]).ToArray();
            Check(placed.Length <= rules.MaxPlacementsPerPupil, "H1", $"{pupil.Id} has {placed.Length} placements");
            Check(offers.Select(o => o.ElectiveCode.ToUpperInvariant()).Distinct().Count() == offers.Length, "H1", $"{pupil.Id} repeats a code");
            var weeks = offers.SelectMany(o => o.Sessions.Select(s => s.Week).Distinct()).ToArray();
            Check(weeks.Distinct().Count() == weeks.Length, "H1", $"{pupil.Id} has two offers in one week");
            Check(offers.Count(o => filter.IsAwayFromOwnSite(pupil, o)) <= rules.MaxExternalPlacementsPerPupil, "H3", $"{pupil.Id} away too often");
            foreach (var p in placed)
            {
                Check(filter.Check(pupil, index.Offers[p.Offer]).IsFeasible, "H2", $"{pupil.Id} in {p.Offer}");
                Check(pupil.Choices.Any(c => c.Offer == p.Offer && c.Rank == p.Rank), "H2", $"{pupil.Id} rank of {p.Offer}");
            }
        }

        // H4, H5, H6 per offer.
        var groups = allocation.Groups.ToArray();
        foreach (var offer in index.Offers.Values)
        {
            var own = groups.Where(g => g.Offer == offer.Id).ToArray();
            Check(own.Select(g => g.Group).Order().SequenceEqual(Enumerable.Range(1, own.Length)), "H5", $"{offer.Id} groups not 1..G");
            Check(own.Length <= offer.MaxParallelGroups, "H5", $"{offer.Id} runs {own.Length} groups");
            foreach (var group in own)
            {
                var members = allocation.Placements.Where(p => p.Offer == offer.Id && p.Group == group.Group).Select(p => p.Pupil);
                Check(group.Pupils.Select(p => p.Value).Order(StringComparer.Ordinal).SequenceEqual(members.Select(p => p.Value).Order(StringComparer.Ordinal)), "H4", $"{offer.Id}/{group.Group} pupil list");
                Check(group.Pupils.Length >= offer.MinGroupSize && group.Pupils.Length <= offer.MaxGroupSize, "H5", $"{offer.Id}/{group.Group} size {group.Pupils.Length}");
            }

            var inOffer = allocation.Placements.Where(p => p.Offer == offer.Id).ToArray();
            Check(inOffer.All(p => own.Any(g => g.Group == p.Group)), "H4", $"{offer.Id} placement in a group that does not run");
            Check(inOffer.Select(p => p.Pupil).Distinct().Count() == inOffer.Length, "H4", $"{offer.Id} pupil twice");
            Check(inOffer.Count(p => CandidateFilter.IsFromOtherSchool(index.Pupils[p.Pupil], offer)) <= offer.OpenSeats, "H6", $"{offer.Id} open seats");
        }

        // H7 venues, H10 kits, H8/H9 staff, per week.
        var venueUse = new Dictionary<(VenueId, Week), int>();
        var kitUse = new Dictionary<(KitId, Week), int>();
        var staffUse = new HashSet<(StaffId, Week)>();
        foreach (var group in groups)
        {
            var offer = index.Offers[group.Offer];
            var weeks = offer.Sessions.Select(s => s.Week).Distinct().Order().ToArray();
            Check(group.Staffing.Select(s => s.Week).Order().SequenceEqual(weeks), "H8", $"{group.Offer}/{group.Group} staffed weeks");
            foreach (var week in weeks)
            {
                var sessions = offer.Sessions.Where(s => s.Week == week).ToArray();
                foreach (var venue in sessions.Select(s => s.Venue).Distinct())
                {
                    venueUse[(venue, week)] = venueUse.GetValueOrDefault((venue, week)) + group.Pupils.Length;
                }

                foreach (var need in offer.Kits)
                {
                    kitUse[(need.Kit, week)] = kitUse.GetValueOrDefault((need.Kit, week)) + need.CountPerGroup;
                }

                var staff = group.Staffing.Where(s => s.Week == week).SelectMany(s => s.Staff).Select(id => index.Staff[id]).ToArray();
                var required = sessions.Max(s => StaffRules.RequiredStaff(group.Pupils.Length, s.Kind, rules));
                Check(staff.Count(s => StaffRules.CountsForRatio(s, rules)) >= required, "H8", $"{group.Offer}/{group.Group} {week} ratio");
                Check(!rules.RequireQualifiedDocentPerGroup || staff.Any(StaffRules.IsQualifiedDocent), "H8", $"{group.Offer}/{group.Group} {week} docent");
                foreach (var member in staff)
                {
                    Check(staffUse.Add((member.Id, week)), "H9", $"{member.Id} twice in {week}");
                    Check(StaffRules.CanStaff(member, offer, problem.Rules) && member.IsAvailableIn(week), "H9", $"{member.Id} on {group.Offer} {week}");
                    Check(sessions.All(s => StaffRules.CanReach(member, s, problem.Afternoon, index.Travel)), "H9", $"{member.Id} cannot reach {group.Offer}");
                }
            }
        }

        foreach (var ((venue, week), pupils) in venueUse)
        {
            Check(pupils <= index.Venues[venue].CapacityIn(week), "H7", $"{venue} {week} holds {pupils}");
        }

        foreach (var ((kit, week), count) in kitUse)
        {
            Check(index.Kits.TryGetValue(kit, out var k) && count <= k.Count, "H10", $"{kit} {week} uses {count}");
        }

        // H11 buses: exactly one trip per (week, school, venue) with riders.
        var riders = allocation.Placements
            .SelectMany(p => index.Offers[p.Offer].Sessions.Select(s => (p.Pupil, School: index.Pupils[p.Pupil].School, s)))
            .Where(x => index.Travel.PupilTrip(x.School, x.s.Venue).Mode == TravelMode.Bus)
            .GroupBy(x => (x.s.Week, x.School, x.s.Venue))
            .ToDictionary(g => g.Key, g => g.Select(x => x.Pupil).Distinct().Count());
        var trips = allocation.BusTrips.GroupBy(t => (t.Week, t.FromSchool, t.ToVenue)).ToDictionary(g => g.Key, g => g.ToArray());
        Check(trips.Keys.ToHashSet().SetEquals(riders.Keys), "H11", "bus trips do not match the riders");
        foreach (var (key, count) in riders)
        {
            var trip = trips.GetValueOrDefault(key) ?? [];
            Check(trip.Length == 1 && trip[0].PupilCount == count
                && trip[0].BusCount >= (count + rules.BusSeatCount - 1) / rules.BusSeatCount, "H11", $"bus {key}");
        }

        var lottery = LotteryDraw.Draw(problem);
        Check(allocation.Lottery.Length == lottery.Count && allocation.Lottery.All(t => lottery[t.Pupil] == t.Number), "lottery", "numbers differ from LotteryDraw");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
    }
}
