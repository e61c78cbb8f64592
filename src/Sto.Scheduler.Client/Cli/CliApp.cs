using System.CommandLine;
using Spectre.Console;
using Sto.Scheduler.Client.Cli.Commands;

namespace Sto.Scheduler.Client.Cli;

/// <summary>All of <c>sto</c>'s behaviour: parse, run the verb, turn failures into a message and an exit code.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(
        string[] args,
        ISchedulerClientFactory factory,
        IAnsiConsole console,
        IAnsiConsole? errors = null,
        Func<string, string?>? environment = null,
        CancellationToken cancellationToken = default)
    {
        errors ??= console;
        environment ??= Environment.GetEnvironmentVariable;
        var globals = new GlobalOptions();
        CliContext? context = null;
        CliContext Context(ParseResult parse) => context = new CliContext(parse, globals, factory, console, errors, environment);

        var root = new RootCommand("sto: the STO Scheduler planner's tool (offers, choices, staff, allocation runs, schedules).");
        globals.AddTo(root);
        root.Subcommands.Add(TokenCommand.Create(Context));
        root.Subcommands.Add(OffersCommand.Create(Context));
        root.Subcommands.Add(PupilsCommand.Create(Context));
        root.Subcommands.Add(StaffCommand.Create(Context));
        root.Subcommands.Add(RunsCommand.Create(Context));
        root.Subcommands.Add(ReplanCommands.Explain(Context));
        root.Subcommands.Add(ScheduleCommand.Create(Context));
        root.Subcommands.Add(DemoCommand.Create(Context));

        var configuration = new InvocationConfiguration
        {
            Output = console.Profile.Out.Writer,
            Error = errors.Profile.Out.Writer,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return await root.Parse(args).InvokeAsync(configuration, cancellationToken);
        }
        catch (SchedulerException e)
        {
            ErrorReport.Write(errors, e, context?.Server);
            return ExitCodes.For(e.StatusCode);
        }
        catch (CliException e)
        {
            errors.Profile.Out.Writer.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (HttpRequestException e)
        {
            errors.Profile.Out.Writer.WriteLine($"error: the server's HTTP endpoint is not reachable ({e.Message}). Is the server running? Start it with: ASPNETCORE_ENVIRONMENT=Development dotnet run --project src/Sto.Scheduler.Grpc");
            return ExitCodes.Unavailable;
        }
        catch (IOException e)
        {
            errors.Profile.Out.Writer.WriteLine($"error: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (OperationCanceledException)
        {
            errors.Profile.Out.Writer.WriteLine("Stopped.");
            return ExitCodes.Other;
        }
        finally
        {
            context?.Dispose();
        }
    }
}
