namespace Sto.Scheduler.Client.Cli;

internal static class CliProgram
{
    public static int Main() => 0;
}
