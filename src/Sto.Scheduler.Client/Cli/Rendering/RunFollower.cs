using Spectre.Console;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Client.Allocations;

namespace Sto.Scheduler.Client.Cli.Rendering;

/// <summary>Follows a run to its end: a live Spectre progress bar on a terminal, one plain line per update otherwise.</summary>
internal static class RunFollower
{
    public static async Task<AllocationRun> FollowAsync(CliContext cli, string name, CancellationToken cancellationToken)
    {
        var waiter = new AllocationRunWaiter(cli.Client.Allocations);
        if (!cli.IsInteractive)
        {
            var progress = new SynchronousProgress(run =>
            {
                if (!cli.IsJson)
                {
                    cli.Line(RunText.Line(run));
                }
            });
            return await waiter.WaitAsync(name, progress, cancellationToken);
        }

        return await cli.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(Names.LastSegment(name)), maxValue: 100);
                var progress = new SynchronousProgress(run =>
                {
                    task.Description = Markup.Escape($"{Names.LastSegment(name)} {RunText.State(run.State)}: {RunText.Progress(run.Progress)}");
                    task.Value = RunText.Percent(run);
                });
                var final = await waiter.WaitAsync(name, progress, cancellationToken);
                task.Value = 100;
                task.StopTask();
                return final;
            });
    }

    /// <summary>Reports on the caller's thread, in order (Progress&lt;T&gt; posts to the thread pool and may reorder).</summary>
    private sealed class SynchronousProgress(Action<AllocationRun> report) : IProgress<AllocationRun>
    {
        public void Report(AllocationRun value) => report(value);
    }
}
