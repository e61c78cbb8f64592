using System.CommandLine;
using Google.Protobuf.WellKnownTypes;
using Spectre.Console;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Client.Cli.Rendering;
using State = Sto.Scheduler.Api.V1.AllocationRun.Types.State;

namespace Sto.Scheduler.Client.Cli.Commands;

/// <summary><c>sto runs create|list|get|cancel|publish|compare|metrics|replan|diff|diagnose</c>: allocation runs of a subregion.</summary>
internal static class RunsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("runs", "Start, follow, inspect, cancel, compare and publish allocation runs (planners).");
        command.Subcommands.Add(CreateRun(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Single(context, "get", "Show one run.", async (cli, name, ct) =>
            await cli.Client.Allocations.GetAllocationRunAsync(new GetAllocationRunRequest { Name = name }, cancellationToken: ct)));
        command.Subcommands.Add(Single(context, "cancel", "Stop a queued or running run; a running search keeps its best allocation.", async (cli, name, ct) =>
            await cli.Client.Allocations.CancelAllocationRunAsync(new CancelAllocationRunRequest { Name = name }, cancellationToken: ct)));
        command.Subcommands.Add(Single(context, "publish", "Make a succeeded run the one pupils see.", async (cli, name, ct) =>
            await cli.Client.Allocations.PublishAllocationRunAsync(new PublishAllocationRunRequest { Name = name }, cancellationToken: ct)));
        command.Subcommands.Add(Metrics(context));
        command.Subcommands.Add(Compare(context));
        command.Subcommands.Add(ReplanCommands.Replan(context));
        command.Subcommands.Add(ReplanCommands.Diff(context));
        command.Subcommands.Add(ReplanCommands.Diagnose(context));
        return command;
    }

    /// <summary>The exit code for a finished run: 0 succeeded, 2 invalid input, 4 cancelled, 7 otherwise.</summary>
    public static int ExitCodeOf(CliContext cli, AllocationRun run)
    {
        switch (run.State)
        {
            case State.Succeeded:
                return ExitCodes.Ok;
            case State.Cancelled:
                cli.ErrorLine($"{run.Name} was cancelled.");
                return ExitCodes.FailedPrecondition;
            default:
                cli.ErrorLine($"error: {run.Name} failed: {run.Error?.Message}");
                var invalid = run.Error?.Code == (int)Grpc.Core.StatusCode.InvalidArgument;
                if (invalid && run.Error?.Details.Select(d => d.TryUnpack<Google.Rpc.BadRequest>(out var b) ? b : null).FirstOrDefault(b => b is not null) is { } bad)
                {
                    foreach (var v in bad.FieldViolations.Take(50))
                    {
                        cli.ErrorLine($"  {v.Field}: {v.Description}");
                    }
                }

                return invalid ? ExitCodes.InvalidInput : ExitCodes.Other;
        }
    }

    private static Command CreateRun(Func<ParseResult, CliContext> context)
    {
        var weeks = new Option<string?>("--weeks") { Description = "ISO weeks to plan: 2026-W14, 2026-W06..2026-W16 or a list; default: all weeks of the subregion." };
        var timeLimit = new Option<int?>("--time-limit") { Description = "Seconds the solver may search (at most 3600); default: the server's (60)." };
        var seed = new Option<int>("--seed") { Description = "Random seed of the search." };
        var id = new Option<string?>("--id") { Description = "Run id (last segment of the name); default: chosen by the server." };
        var label = new Option<string?>("--label") { Description = "A label for planners, e.g. \"week 14, second try\"." };
        var wait = new Option<bool>("--wait") { Description = "Follow the run to its end (progress bar on a terminal) and show its metrics." };
        var validateOnly = new Option<bool>("--validate-only") { Description = "Check the request and the problem the run would solve, without queuing it." };
        var command = new Command("create", "Queue an allocation run of the subregion.") { weeks, timeLimit, seed, id, label, wait, validateOnly };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var run = new AllocationRun { DisplayName = parse.GetValue(label) ?? "", Settings = new RunSettings { RandomSeed = parse.GetValue(seed) } };
            run.Weeks.AddRange(WeekRange.Parse(parse.GetValue(weeks), "--weeks"));
            if (parse.GetValue(timeLimit) is { } seconds)
            {
                run.Settings.TimeLimit = Duration.FromTimeSpan(TimeSpan.FromSeconds(seconds));
            }

            var check = parse.GetValue(validateOnly);
            var created = await cli.Client.Allocations.CreateAllocationRunAsync(new CreateAllocationRunRequest
            {
                Parent = cli.Subregion,
                AllocationRun = run,
                AllocationRunId = parse.GetValue(id) ?? "",
                RequestId = Guid.NewGuid().ToString(),
                ValidateOnly = check,
            }, cancellationToken: ct);
            if (check)
            {
                cli.Line($"The run request and the problem of {cli.Subregion} are valid; nothing was queued (--validate-only).");
                return ExitCodes.Ok;
            }

            if (!parse.GetValue(wait))
            {
                Show(cli, created);
                return ExitCodes.Ok;
            }

            if (!cli.IsJson)
            {
                cli.Line($"{created.Name}: queued; following it (Ctrl+C stops following, not the run).");
            }

            var final = await RunFollower.FollowAsync(cli, created.Name, ct);
            if (cli.IsJson)
            {
                cli.WriteJson(final);
            }
            else
            {
                MetricsView.Write(cli.Console, final, cli.Subregion);
            }

            return ExitCodeOf(cli, final);
        });
        return command;
    }

    private static Command List(Func<ParseResult, CliContext> context)
    {
        var command = new Command("list", "List the subregion's runs, newest first.");
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var runs = await cli.Client.ListAllocationRunsAsync(cli.Subregion, 100, ct).ToListAsync(ct);
            if (cli.IsJson)
            {
                cli.WriteJson(runs);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("run", "label", "state", "status", "placed", "first choice", "published");
            foreach (var r in runs)
            {
                table.AddRow(Markup.Escape(Names.LastSegment(r.Name)), Markup.Escape(r.DisplayName), RunText.State(r.State), RunText.Status(r.SolveStatus),
                    r.Quality is { } q ? $"{q.PlacedCount}/{q.PupilCount}" : "-", r.Quality is { } f ? RunText.Percent(f.FirstChoiceRate) : "-", r.Published ? "yes" : "");
            }

            cli.Console.Write(table);
            cli.Line($"{runs.Count} runs in {cli.Subregion}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Single(Func<ParseResult, CliContext> context, string verb, string description, Func<CliContext, string, CancellationToken, Task<AllocationRun>> call)
    {
        var run = new Argument<string>("run") { Description = "Run id (e.g. run-1) or full name." };
        var command = new Command(verb, description) { run };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            Show(cli, await call(cli, Names.Run(cli.Subregion, parse.GetValue(run) ?? ""), ct));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Metrics(Func<ParseResult, CliContext> context)
    {
        var run = new Argument<string>("run") { Description = "Run id (e.g. run-1) or full name." };
        var command = new Command("metrics", "Show a run's quality: placements, ranks, per school, offers that did not run.") { run };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var found = await cli.Client.Allocations.GetAllocationRunAsync(new GetAllocationRunRequest { Name = Names.Run(cli.Subregion, parse.GetValue(run) ?? "") }, cancellationToken: ct);
            if (cli.IsJson)
            {
                cli.WriteJson(found.Quality ?? new AllocationQuality());
            }
            else
            {
                MetricsView.Write(cli.Console, found, cli.Subregion);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Compare(Func<ParseResult, CliContext> context)
    {
        var baseRun = new Argument<string>("base") { Description = "The run compared against (e.g. the published one)." };
        var run = new Argument<string>("run") { Description = "The run compared." };
        var command = new Command("compare", "Compare two runs: quality side by side and the pupils placed differently.") { baseRun, run };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var baseName = Names.Run(cli.Subregion, parse.GetValue(baseRun) ?? "");
            var name = Names.Run(cli.Subregion, parse.GetValue(run) ?? "");
            var response = await cli.Client.Allocations.CompareAllocationRunsAsync(
                new CompareAllocationRunsRequest { BaseAllocationRun = baseName, AllocationRun = name }, cancellationToken: ct);
            if (cli.IsJson)
            {
                cli.WriteJson(response);
            }
            else
            {
                MetricsView.WriteComparison(cli.Console, response, baseName, name, cli.Subregion);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Show(CliContext cli, AllocationRun run)
    {
        if (cli.IsJson)
        {
            cli.WriteJson(run);
        }
        else
        {
            cli.Line(RunText.Line(run));
        }
    }
}
