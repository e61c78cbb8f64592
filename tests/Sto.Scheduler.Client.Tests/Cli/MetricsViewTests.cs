using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Client.Cli.Rendering;
using Sto.Scheduler.Client.Tests.Support;

namespace Sto.Scheduler.Client.Tests.Cli;

public sealed class MetricsViewTests
{
    private static string Render(AllocationRun run)
    {
        var output = new StringWriter();
        MetricsView.Write(StoCli.PlainConsole(output), run, TestData.SubregionName);
        return output.ToString();
    }

    [Fact]
    public void Each_finished_tier_shows_its_bound_gap_and_who_proved_the_bound()
    {
        var run = new AllocationRun
        {
            Name = TestData.SubregionName + "/allocationRuns/r",
            State = AllocationRun.Types.State.Succeeded,
            Progress = new RunProgress
            {
                TierCount = 2,
                FinishedTiers =
                {
                    new TierProgress { Tier = "placement+preference", TierNumber = 1, Objective = 54832530, BestBound = 54682481, Gap = 0.00274, BoundSource = "cbc" },
                    new TierProgress { Tier = "travel", TierNumber = 2, Objective = 840, BestBound = 840, ProvenOptimal = true, BoundSource = "cp-sat" },
                },
            },
        };

        var text = Render(run);

        Assert.Contains("Objective tiers", text, StringComparison.Ordinal);
        Assert.Matches(@"placement\+preference\s*\|\s*54832530\s*\|\s*54682481\s*\|\s*0\.27 %\s*\|\s*cbc", text);
        Assert.Matches(@"travel\s*\|\s*840\s*\|\s*840\s*\|\s*optimal\s*\|\s*cp-sat", text);
    }

    [Fact]
    public void A_tier_without_a_bound_worth_showing_prints_dashes()
    {
        var run = new AllocationRun
        {
            Name = TestData.SubregionName + "/allocationRuns/r",
            Progress = new RunProgress { TierCount = 1, FinishedTiers = { new TierProgress { Tier = "priority", TierNumber = 1, Objective = 5, Gap = 1 } } },
        };

        Assert.Matches(@"priority\s*\|\s*5\s*\|\s*-\s*\|\s*100\.00 %\s*\|\s*-", Render(run));
    }

    [Fact]
    public void A_run_without_finished_tiers_has_no_tier_table()
    {
        var run = new AllocationRun { Name = TestData.SubregionName + "/allocationRuns/r", Progress = new RunProgress() };

        Assert.DoesNotContain("Objective tiers", Render(run), StringComparison.Ordinal);
    }
}
