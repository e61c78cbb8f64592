using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Explanation;
using Sto.Scheduler.Engine.Solving;
using Sto.Scheduler.Engine.Tests.Support;

namespace Sto.Scheduler.Engine.Tests.Explanation;

/// <summary>Small named-pupil scenarios, solved deterministically, and helpers to read their explanations.</summary>
internal static class ExplanationScenarios
{
    public static readonly SolverSettings Settings = SolverSettings.Deterministic with { DeterministicTimeLimit = 5 };

    public static Allocation Solve(SchedulingProblem problem)
    {
        var outcome = AllocationSolver.Solve(problem, Settings);
        if (outcome is SolveOutcome.Invalid invalid)
        {
            Assert.Fail("Invalid problem: " + string.Join("; ", invalid.Issues));
        }

        return ((SolveOutcome.Solved)outcome).Allocation;
    }

    public static PlacementExplanation Explain(SchedulingProblem problem, Allocation allocation, string pupil) =>
        PlacementExplainer.Explain(problem, allocation, new PupilId(pupil));

    /// <summary>The main (first) reason of the verdict on the choice of the given rank; fails unless it is blocked.</summary>
    public static ExplanationReason MainReason(this PlacementExplanation explanation, int rank)
    {
        var verdict = Assert.Single(explanation.Choices, c => c.Rank == rank);
        Assert.Equal(ChoiceOutcome.BetterChoiceBlocked, verdict.Outcome);
        return verdict.Reasons[0];
    }

    public static string? OfferOf(this Allocation allocation, string pupil) =>
        allocation.Placements.FirstOrDefault(p => p.Pupil.Value == pupil)?.Offer.Value;

    /// <summary>A company hotspot 5 km north of "north", hosting week 4 of an elective that meets at north's lab in week 3.</summary>
    public static SchedulingProblem HotspotBeyondBusReach()
    {
        var hotspot = VanDijkHotspot(northKm: 5, capacity: 12);
        return new ProblemBuilder()
            .School("north")
            .School("far", northKm: -12)
            .Venue(hotspot)
            .Offer("install", "north", min: 2, change: o => o with
            {
                Name = "Installatietechniek",
                Sessions = [o.Sessions[0], o.Sessions[1] with { Venue = hotspot.Id }],
            })
            .Offer("far-metal", "far", min: 2, change: o => o with { Name = "Booglasprocessen" })
            .Pupils(3, "north", "install")
            .Pupils(3, "far", "install", "far-metal")
            .Docent("de-vries", "north", "install")
            .Docent("smit", "far", "far-metal")
            .Build();
    }

    /// <summary>The company hotspot "Van Dijk Installatie" (venue "van-dijk") <paramref name="northKm"/> north of "north".</summary>
    public static Venue VanDijkHotspot(double northKm, int capacity) => new()
    {
        Id = new VenueId("van-dijk"),
        Name = "Van Dijk Installatie",
        Kind = VenueKind.CompanyHotspot,
        Location = new GeoPoint(52.2 + (northKm / 111.2), 6.9),
        WeeklyPupilCapacity = capacity,
    };

    /// <summary>A hybrid docent who is the only one able to staff "drones" is absent in 2027-W04.</summary>
    public static SchedulingProblem HybridDocentAbsent() => new ProblemBuilder()
        .School("north")
        .Offer("drones", "north", min: 2, change: o => o with { Name = "Dronetechniek" })
        .Offer("metal", "north", min: 2)
        .Pupils(4, "north", "drones", "metal")
        .Staff(new StaffMember
        {
            Id = new StaffId("hybrid"), Name = "hybrid", Kind = StaffKind.HybridDocent, IsQualifiedTeacher = true,
            BaseSite = "north", Qualifications = ["drones"], AvailableWeeks = [new Week(2027, 3)],
        })
        .Docent("de-vries", "north", "metal")
        .Build();
}
