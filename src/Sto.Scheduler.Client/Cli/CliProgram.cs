using Spectre.Console;

namespace Sto.Scheduler.Client.Cli;

/// <summary>The <c>sto</c> entry point. An explicit Main (no top-level statements) so there is no global <c>Program</c> type.</summary>
internal static class CliProgram
{
    public static async Task<int> Main(string[] args)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Interactive = Console.IsOutputRedirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        var errors = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Interactive = InteractionSupport.No,
        });
        return await CliApp.RunAsync(args, new NetworkClientFactory(), console, errors);
    }
}
