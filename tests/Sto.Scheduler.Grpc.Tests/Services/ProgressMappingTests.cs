using System.Collections.Immutable;
using Sto.Scheduler.Engine.Solving;
using Sto.Scheduler.Grpc.Mapping;

namespace Sto.Scheduler.Grpc.Tests.Services;

/// <summary>api.md F6: progress reports a progress bar can show, and a final report when the run ends.</summary>
public sealed class ProgressMappingTests
{
    [Fact]
    public void A_bound_that_is_not_meaningful_yet_is_left_unset_and_the_gap_is_one()
    {
        var early = new SolveProgress { Tier = "placement", TierNumber = 1, TierCount = 5, Objective = 36633, BestBound = -5277283, Gap = 145.06 };

        var shown = AllocationMapping.ToProto(early, []);

        Assert.False(shown.HasBestBound);
        Assert.Equal(1, shown.Gap);
        Assert.Equal(36633, shown.Objective);
        Assert.False(shown.Final);
    }

    [Fact]
    public void A_meaningful_bound_is_shown_with_its_gap()
    {
        var later = new SolveProgress { Tier = "preference", TierNumber = 2, TierCount = 5, Objective = 200, BestBound = 190, Gap = 0.05 };
        TierResult[] ended = [new() { Tier = "placement", Objective = 3, BestBound = 3, Gap = 0, IsProvenOptimal = true, BoundSource = "cbc" }];

        var shown = AllocationMapping.ToProto(later, ended);

        Assert.Equal(190, shown.BestBound);
        Assert.Equal(0.05, shown.Gap);
        var tier = Assert.Single(shown.FinishedTiers);
        Assert.Equal(("placement", 1, 3L, 0.0, true), (tier.Tier, tier.TierNumber, tier.BestBound, tier.Gap, tier.ProvenOptimal));
        Assert.Equal("cbc", tier.BoundSource);
    }

    [Fact]
    public void The_final_report_is_the_last_tier_final_result_with_every_tier()
    {
        var statistics = new SolveStatistics
        {
            Tiers =
            [
                new TierResult { Tier = "placement", Objective = 10, BestBound = 10, IsProvenOptimal = true },
                new TierResult { Tier = "staffing", Objective = 40, BestBound = 30, Gap = 0.25 },
                new TierResult { Tier = "priority", Objective = 5, Gap = 1 },
            ],
            Elapsed = TimeSpan.FromSeconds(12),
        };

        var final = AllocationMapping.FinalProgress(statistics)!;

        Assert.True(final.Final);
        Assert.Equal(("priority", 3, 3), (final.Tier, final.TierNumber, final.TierCount));
        Assert.Equal(3, final.FinishedTiers.Count);
        Assert.Equal(30, final.FinishedTiers[1].BestBound);
        Assert.Equal(0.25, final.FinishedTiers[1].Gap);
        Assert.Equal("cp-sat", final.FinishedTiers[1].BoundSource);
        Assert.Equal(12, final.Elapsed.ToTimeSpan().TotalSeconds);
        Assert.Null(AllocationMapping.FinalProgress(new SolveStatistics { Tiers = ImmutableArray<TierResult>.Empty }));
        // A cancelled search ran fewer tiers than it had: the count stays the search's.
        Assert.Equal(5, AllocationMapping.FinalProgress(statistics, tierCount: 5)!.TierCount);
    }
}
