using Sto.Scheduler.Engine.Solving;

namespace Sto.Scheduler.Engine.Tests.Solving;

public sealed class StallStopTests
{
    private static readonly TimeSpan Floor = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData(10.0, null, 60.0, false)] // no plan yet (still in presolve): keep going
    [InlineData(10.0, 10.2, 11.1, false)] // quiet 0.9 s < floor 1 s
    [InlineData(10.0, 10.2, 11.3, true)] // quiet 1.1 s > floor
    [InlineData(10.0, 13.0, 18.9, false)] // last found after 3 s: wait 6 s
    [InlineData(10.0, 13.0, 19.1, true)]
    public void A_refinement_tier_stops_after_twice_the_time_its_last_plan_took_and_at_least_the_floor(
        double started, double? last, double now, bool stops)
    {
        var stop = StallStop.ShouldStop(
            TimeSpan.FromSeconds(started), last is { } l ? TimeSpan.FromSeconds(l) : null, TimeSpan.FromSeconds(now), Floor);

        Assert.Equal(stops, stop);
    }

    [Theory]
    [InlineData("travel", true)]
    [InlineData("staffing", true)]
    [InlineData("priority", true)]
    [InlineData("placement+preference", false)]
    [InlineData("placement", false)]
    [InlineData("kept-places", false)]
    [InlineData("moves", false)]
    [InlineData("preference", false)]
    public void Only_the_tie_breaking_tiers_are_refinement_tiers(string tier, bool refinement) =>
        Assert.Equal(refinement, SolverSettings.IsRefinementTier(tier));

    [Fact]
    public void Reproducible_settings_keep_the_stall_stop_out_by_using_deterministic_time()
    {
        Assert.NotNull(SolverSettings.Deterministic.DeterministicTimeLimit);
        Assert.Equal(TimeSpan.FromSeconds(1), SolverSettings.Default.RefinementStall);
    }
}
