using Sto.Scheduler.Engine.DemoData;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;
using Sto.Scheduler.Engine.Serialization;

namespace Sto.Scheduler.Engine.Tests.DemoData;

public class DemoSubregionGeneratorTests
{
    private static readonly SchedulingProblem Subregion = DemoSubregionGenerator.Generate(DemoParameters.Subregion(1));

    [Fact]
    public void Generate_is_deterministic_to_the_byte()
    {
        var again = DemoSubregionGenerator.Generate(DemoParameters.Subregion(1));

        Assert.Equal(ProblemJson.Serialize(Subregion), ProblemJson.Serialize(again));
    }

    [Fact]
    public void Generate_gives_a_different_problem_for_a_different_seed()
    {
        var other = DemoSubregionGenerator.Generate(DemoParameters.Subregion(2));

        Assert.NotEqual(ProblemJson.Serialize(Subregion), ProblemJson.Serialize(other));
    }

    [Fact]
    public void Subregion_preset_has_the_sizes_of_family_S()
    {
        Assert.Equal(300, Subregion.Pupils.Length);
        Assert.Equal(6, Subregion.Schools.Length);
        Assert.Equal(60, Subregion.Offers.Length);
        Assert.Equal(4, Subregion.Venues.Count(v => v.Kind == VenueKind.CompanyHotspot));
        Assert.Single(Subregion.Venues, v => v.Kind == VenueKind.MboCollege);
        Assert.Single(Subregion.Venues, v => v.Kind == VenueKind.TradeSchool);
        Assert.Equal(10, Subregion.Weeks.Length);
        Assert.DoesNotContain(new Week(2026, 8), Subregion.Weeks);
        Assert.InRange(Subregion.Kits.Length, 2, 3);
    }

    [Fact]
    public void LargeSubregion_preset_has_about_1000_pupils()
    {
        var problem = DemoSubregionGenerator.Generate(DemoParameters.LargeSubregion(1));

        Assert.Equal(1_000, problem.Pupils.Length);
        Assert.Equal(10, problem.Schools.Length);
        Assert.Equal(110, problem.Offers.Length);
        AssertStructurallyValid(problem);
    }

    [Fact]
    public void Region_preset_has_5000_pupils_20_schools_and_250_offers()
    {
        var problem = DemoSubregionGenerator.Generate(DemoParameters.Region(1));

        Assert.Equal(5_000, problem.Pupils.Length);
        Assert.Equal(20, problem.Schools.Length);
        Assert.Equal(250, problem.Offers.Length);
        Assert.True(problem.Offers.Sum(o => o.TotalSeats) >= 1.25 * problem.Pupils.Length);
        AssertStructurallyValid(problem);
    }

    [Fact]
    public void NationalRegion_preset_has_the_sizes_of_family_R()
    {
        var problem = DemoSubregionGenerator.Generate(DemoParameters.NationalRegion(7));

        Assert.Equal(640, problem.Pupils.Length);
        Assert.Equal(4, problem.Schools.Length);
        Assert.Equal(45, problem.Offers.Length);
        Assert.Single(problem.Venues, v => v.Kind == VenueKind.CompanyHotspot);
        AssertStructurallyValid(problem);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void NationalRegion_preset_refuses_a_region_without_pupils(int pupils)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DemoParameters.NationalRegion(1, pupils));

        Assert.Equal("pupils", error.ParamName);
    }

    [Fact]
    public void Subregion_is_structurally_valid_input()
    {
        AssertStructurallyValid(Subregion);
    }

    [Fact]
    public void Every_choice_passes_the_engines_candidate_filter()
    {
        var index = ProblemIndex.Build(Subregion);
        var filter = new CandidateFilter(Subregion, index);

        var blocked = Subregion.Pupils
            .SelectMany(p => p.Choices.Select(c => (Pupil: p, Verdict: filter.Check(p, index.Offers[c.Offer]))))
            .Where(x => !x.Verdict.IsFeasible)
            .Select(x => $"{x.Pupil.Id}: {x.Verdict.Reason}")
            .ToList();

        Assert.Empty(blocked);
        Assert.All(Subregion.Pupils, p => Assert.InRange(p.Choices.Length, 1, 5));
    }

    [Fact]
    public void Subregion_has_the_realistic_features_of_the_domain()
    {
        var hotspots = Subregion.Venues.Where(v => v.Kind == VenueKind.CompanyHotspot).ToList();
        Assert.All(hotspots, h => Assert.InRange(h.HostingWeeks.Length, 2, 3));
        Assert.All(hotspots, h => Assert.InRange(h.WeeklyPupilCapacity, 8, 16));

        var hybrid = Subregion.Offers.Where(o => o.Sessions.Any(s => hotspots.Any(h => h.Id == s.Venue))).ToList();
        Assert.NotEmpty(hybrid);
        Assert.All(hybrid, o => Assert.Equal(SessionKind.Theory, o.Sessions[0].Kind));
        Assert.All(hybrid, o => Assert.Contains(hotspots, h => h.Id == o.Sessions[^1].Venue));

        Assert.Contains(Subregion.Offers, o => o.HostSchool is null);
        Assert.Contains(Subregion.Offers, o => o.HostSchool is not null && o.OpenSeats == 0);
        Assert.Contains(Subregion.Offers, o => o.MaxGroupSize >= 20);
        Assert.Contains(Subregion.Offers, o => o.MaxParallelGroups == 2);
        Assert.Contains(Subregion.Offers, o => !o.Kits.IsEmpty);
        Assert.Contains(Subregion.Staff, s => s.Kind == StaffKind.HybridDocent && !s.AvailableWeeks.IsEmpty);
        Assert.Contains(Subregion.Staff, s => s.Kind == StaffKind.CompanyInstructor);
        Assert.Contains(Subregion.Pupils, p => !p.CompletedElectives.IsEmpty);
        Assert.All(Subregion.Schools, s => Assert.InRange(s.ReleaseTime, new TimeOnly(12, 45), new TimeOnly(13, 0)));
        Assert.All(Subregion.Offers, o => Assert.Matches("^(PIE|BWI|MT|MVI|MAT|DP)-[A-Z0-9]+$", o.ElectiveCode));
    }

    [Fact]
    public void Staff_pool_is_about_the_staff_factor_times_the_ratio_demand()
    {
        var demand = Subregion.Offers.Sum(o => o.MaxParallelGroups * ((o.MaxGroupSize + 14) / 15));
        var pool = Subregion.Staff.Count(s => s.Kind is StaffKind.Docent or StaffKind.Instructor);

        Assert.InRange(pool, (int)(0.65 * demand), (int)Math.Ceiling(0.85 * demand));
        Assert.All(Subregion.Offers, o => Assert.Contains(Subregion.Staff, s => StaffRules.IsQualifiedDocent(s) && StaffRules.CanStaff(s, o, Subregion.Rules)));
    }

    [Fact]
    public void Generate_rejects_parameters_out_of_range()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoSubregionGenerator.Generate(DemoParameters.Subregion(1) with { SchoolCount = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoSubregionGenerator.Generate(DemoParameters.Subregion(1) with { StaffFactor = 0 }));
    }

    /// <summary>What the validator will check, in short: unique ids, known references, sessions in the window, seats.</summary>
    private static void AssertStructurallyValid(SchedulingProblem problem)
    {
        AssertUnique(problem.Schools.Select(s => s.Id.Value));
        AssertUnique(problem.Venues.Select(v => v.Id.Value));
        AssertUnique(problem.Offers.Select(o => o.Id.Value));
        AssertUnique(problem.Staff.Select(s => s.Id.Value));
        AssertUnique(problem.Pupils.Select(p => p.Id.Value));
        AssertUnique(problem.Kits.Select(k => k.Id.Value));

        var schools = problem.Schools.Select(s => s.Id).ToHashSet();
        var venues = problem.Venues.Select(v => v.Id).ToHashSet();
        var offers = problem.Offers.Select(o => o.Id).ToHashSet();
        var kits = problem.Kits.Select(k => k.Id).ToHashSet();
        var sites = schools.Select(s => s.Value).Concat(venues.Select(v => v.Value)).ToHashSet();
        var weeks = problem.Weeks.ToHashSet();

        Assert.All(problem.Offers, o =>
        {
            Assert.True(o.HostSchool is null || schools.Contains(o.HostSchool.Value), o.Id.Value);
            Assert.InRange(o.OwnPupilSeats + o.OpenSeats, 0, o.TotalSeats);
            Assert.InRange(o.MinGroupSize, 1, o.MaxGroupSize);
            Assert.NotEmpty(o.Sessions);
            AssertUnique(o.Sessions.Select(s => s.Week.ToString()));
            Assert.All(o.Sessions, s =>
            {
                Assert.Contains(s.Venue, venues);
                Assert.Contains(s.Week, weeks);
                Assert.True(s.Start >= problem.Afternoon.Start && s.End <= problem.Afternoon.End && s.Start < s.End, o.Id.Value);
                var venue = problem.Venues.Single(v => v.Id == s.Venue);
                Assert.True(venue.CapacityIn(s.Week) >= o.MinGroupSize, $"{o.Id} at {venue.Id} in {s.Week}");
            });
            Assert.All(o.Kits, k => Assert.Contains(k.Kit, kits));
        });
        Assert.All(problem.Venues, v => Assert.True(v.School is null || schools.Contains(v.School.Value)));
        Assert.All(problem.Staff, s => Assert.Contains(s.BaseSite, sites));
        Assert.All(problem.Staff, s => Assert.All(s.AvailableWeeks, w => Assert.Contains(w, weeks)));
        Assert.All(problem.Pupils, p =>
        {
            Assert.Contains(p.School, schools);
            Assert.All(p.Choices, c => Assert.Contains(c.Offer, offers));
            Assert.Equal(Enumerable.Range(1, p.Choices.Length), p.Choices.Select(c => c.Rank));
            AssertUnique(p.Choices.Select(c => c.Offer.Value));
        });
    }

    private static void AssertUnique(IEnumerable<string> ids)
    {
        var duplicates = ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }
}
