using System.Globalization;
using Sto.Scheduler.Api.V1;
using State = Sto.Scheduler.Api.V1.AllocationRun.Types.State;

namespace Sto.Scheduler.Client.Cli.Rendering;

/// <summary>One-line texts about a run: state, progress, result (invariant culture).</summary>
internal static class RunText
{
    public static string State(State state) => state switch
    {
        AllocationRun.Types.State.Queued => "queued",
        AllocationRun.Types.State.Running => "running",
        AllocationRun.Types.State.Succeeded => "succeeded",
        AllocationRun.Types.State.Failed => "failed",
        AllocationRun.Types.State.Cancelled => "cancelled",
        _ => "unknown",
    };

    public static string Status(SolveStatus status) => status switch
    {
        SolveStatus.Optimal => "optimal",
        SolveStatus.Feasible => "feasible",
        SolveStatus.Stopped => "stopped",
        _ => "-",
    };

    /// <summary>"tier 2/5 preference: objective 137, bound 130, gap 5.11%, 3.2 s"; "bound -" while the server has no meaningful bound.</summary>
    public static string Progress(RunProgress? p) => p is null || p.TierCount == 0
        ? "waiting for a solver"
        : string.Create(CultureInfo.InvariantCulture,
            $"tier {p.TierNumber}/{p.TierCount} {p.Tier}: objective {p.Objective}, bound {(p.HasBestBound ? p.BestBound.ToString(CultureInfo.InvariantCulture) : "-")}, gap {p.Gap * 100:0.00}%, {(p.Elapsed?.ToTimeSpan() ?? TimeSpan.Zero).TotalSeconds:0.0} s");

    public static string Line(AllocationRun run) =>
        $"{run.Name}: {State(run.State)}" + run.State switch
        {
            AllocationRun.Types.State.Running => $", {Progress(run.Progress)}",
            AllocationRun.Types.State.Succeeded => $" ({Status(run.SolveStatus)}){(run.Published ? ", published" : "")}",
            AllocationRun.Types.State.Failed => $": {run.Error?.Message}",
            _ => "",
        };

    /// <summary>How far the run is, 0..100, for a progress bar: finished tiers plus the closed part of the gap.</summary>
    public static double Percent(AllocationRun run)
    {
        if (Allocations.AllocationRunWaiter.IsFinished(run))
        {
            return 100;
        }

        var p = run.Progress;
        if (p is null || p.TierCount == 0)
        {
            return 0;
        }

        return Math.Clamp((p.TierNumber - 1 + (1 - Math.Clamp(p.Gap, 0, 1))) / p.TierCount * 100, 0, 99);
    }

    public static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{share * 100:0.0} %");
}
