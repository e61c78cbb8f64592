namespace Sto.Scheduler.Client.Cli;

/// <summary>A failure found by the CLI itself (bad file, bad option value); the message says what to do.</summary>
internal sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
