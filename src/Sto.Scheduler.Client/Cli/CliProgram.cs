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
        if (Console.IsOutputRedirected)
        {
            // No terminal to fit: keep table rows on one line for logs and files.
            console.Profile.Width = 200;
        }

        var errors = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Interactive = InteractionSupport.No,
        });
        return await CliApp.RunAsync(args, new NetworkClientFactory(), console, errors);
    }
}
