using Sto.Scheduler.Engine.Solving;

namespace Sto.Scheduler.Engine.Tests.Solving;

public sealed class SolverSettingsTests
{
    public static TheoryData<SolverSettings, string> BadSettings => new()
    {
        { SolverSettings.Default with { TimeLimit = TimeSpan.Zero }, "TimeLimit" },
        { SolverSettings.Default with { Workers = 0 }, "Workers" },
        { SolverSettings.Default with { RelativeGapLimit = -0.1 }, "RelativeGapLimit" },
        { SolverSettings.Default with { RefinementGapLimit = -1 }, "RefinementGapLimit" },
        { SolverSettings.Default with { DeterministicTimeLimit = 0 }, "DeterministicTimeLimit" },
        { SolverSettings.Default with { RefinementStall = TimeSpan.FromSeconds(-1) }, "RefinementStall" },
        { SolverSettings.Default with { PlanCheckpointInterval = TimeSpan.FromSeconds(-1) }, "PlanCheckpointInterval" },
        { SolverSettings.Default with { NeighbourhoodSearchShare = 1 }, "NeighbourhoodSearchShare" },
        { SolverSettings.Default with { NeighbourhoodSearchShare = -0.1 }, "NeighbourhoodSearchShare" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void A_setting_that_cannot_be_searched_with_is_refused_by_name(SolverSettings settings, string name)
    {
        var problem = new Support.ProblemBuilder().School("north").Offer("metal", "north").Pupils(1, "north", "metal").Docent("a", "north", "metal").Build();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => AllocationSolver.Solve(problem, settings));

        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void The_shipped_settings_are_valid()
    {
        SolverSettings.Default.Validate();
        SolverSettings.Deterministic.Validate();
    }
}
