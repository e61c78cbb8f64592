using Spectre.Console;
using Sto.Scheduler.Client.Cli;

namespace Sto.Scheduler.Client.Tests.Support;

/// <summary>Runs the <c>sto</c> CLI in process against the test server, with plain consoles of a fixed width.</summary>
public static class StoCli
{
    public sealed record Result(int ExitCode, string Output, string Errors);

    public static async Task<Result> RunAsync(ClientAppFactory app, string? token, params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var environment = new Dictionary<string, string?> { ["STO_TOKEN"] = token, ["STO_SUBREGION"] = TestData.SubregionName };
        var exit = await CliApp.RunAsync(args, app, PlainConsole(output), PlainConsole(errors), name => environment.GetValueOrDefault(name));
        return new Result(exit, output.ToString(), errors.ToString());
    }

    public static IAnsiConsole PlainConsole(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 160;
        return console;
    }
}
