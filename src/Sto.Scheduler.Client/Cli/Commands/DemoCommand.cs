using System.CommandLine;
using Google.Protobuf.WellKnownTypes;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Client.Cli.Rendering;

namespace Sto.Scheduler.Client.Cli.Commands;

/// <summary>
/// <c>sto demo</c>: the whole planner journey against a running Development server: token → run on the demo
/// subregion → wait → metrics → publish → one pupil's schedule.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var timeLimit = new Option<int>("--time-limit") { Description = "Seconds the solver may search.", DefaultValueFactory = _ => 20 };
        var http = new Option<string?>("--http") { Description = "The server's HTTP address for /dev/token; default: --server with port 5072 for 5071." };
        var waitServer = new Option<int>("--wait-server") { Description = "Seconds to wait for a server that is still starting.", DefaultValueFactory = _ => 120 };
        var command = new Command("demo", "End to end against a running Development server: token, run, wait, metrics, publish, a pupil's schedule.") { timeLimit, http, waitServer };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var subregion = cli.Subregion;
            Step(cli, 1, "token");
            if (cli.Token is null)
            {
                // The service may still be starting (the README starts it in the background): retry until it answers.
                var until = DateTimeOffset.UtcNow.AddSeconds(parse.GetValue(waitServer));
                while (true)
                {
                    try
                    {
                        cli.UseToken(await TokenCommand.FetchAsync(cli, parse.GetValue(http), "planner", subregion, ct));
                        break;
                    }
                    catch (HttpRequestException) when (DateTimeOffset.UtcNow < until)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(2), ct);
                    }
                }

                cli.Line($"   planner token for {subregion} from the server's /dev/token.");
            }
            else
            {
                cli.Line("   using the token from --token / STO_TOKEN.");
            }

            Step(cli, 2, $"create a run of {subregion}");
            var created = await cli.Client.Allocations.CreateAllocationRunAsync(new CreateAllocationRunRequest
            {
                Parent = subregion,
                AllocationRun = new AllocationRun
                {
                    DisplayName = "sto demo",
                    Settings = new RunSettings { TimeLimit = Duration.FromTimeSpan(TimeSpan.FromSeconds(parse.GetValue(timeLimit))) },
                },
                RequestId = Guid.NewGuid().ToString(),
            }, cancellationToken: ct);
            cli.Line($"   {created.Name}");

            Step(cli, 3, "wait for the solver");
            var final = await RunFollower.FollowAsync(cli, created.Name, ct);
            if (RunsCommand.ExitCodeOf(cli, final) is var code and not ExitCodes.Ok)
            {
                return code;
            }

            Step(cli, 4, "metrics");
            MetricsView.Write(cli.Console, final, subregion);

            Step(cli, 5, "publish");
            var published = await cli.Client.Allocations.PublishAllocationRunAsync(new PublishAllocationRunRequest { Name = created.Name }, cancellationToken: ct);
            cli.Line($"   {RunText.Line(published)}");

            Step(cli, 6, "one pupil's schedule");
            var allocation = await cli.Client.Allocations.GetAllocationAsync(new GetAllocationRequest { Name = created.Name + "/allocation" }, cancellationToken: ct);
            if (allocation.Placements.OrderBy(p => p.Pupil, StringComparer.Ordinal).FirstOrDefault() is not { } placement)
            {
                cli.Line("   Nobody was placed, so there is no schedule to show.");
                return ExitCodes.Ok;
            }

            await ScheduleCommand.ShowAsync(cli, placement.Pupil, "", "", null, ct);
            cli.Line($"Done. Try: sto schedule {Names.Relative(subregion, placement.Pupil).Replace("schools/", "", StringComparison.Ordinal).Replace("/pupils/", "/", StringComparison.Ordinal)} --ics pupil.ics");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Step(CliContext cli, int number, string what) => cli.Line($"[{number}/6] {what}");
}
