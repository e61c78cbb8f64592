using Grpc.Core;
using Spectre.Console;

namespace Sto.Scheduler.Client.Cli;

/// <summary>Writes a <see cref="SchedulerException"/> as a message a planner can act on.</summary>
internal static class ErrorReport
{
    public static void Write(IAnsiConsole errors, SchedulerException e, string? server)
    {
        var w = errors.Profile.Out.Writer;
        var reason = e.Reason is null ? "" : $", {e.Reason}";
        w.WriteLine($"error: {e.Message} ({Code(e.StatusCode)}{reason})");
        foreach (var v in e.FieldViolations.Take(50))
        {
            w.WriteLine($"  {v.Field}: {v.Description}");
        }

        if (e.FieldViolations.Count > 50)
        {
            w.WriteLine($"  … and {e.FieldViolations.Count - 50} more");
        }

        if (Hint(e.StatusCode, server) is { } hint)
        {
            w.WriteLine($"hint: {hint}");
        }
    }

    public static string Code(StatusCode code) =>
        string.Concat(code.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();

    private static string? Hint(StatusCode code, string? server) => code switch
    {
        StatusCode.Unauthenticated => "pass a token with --token or STO_TOKEN; for the Development server: export STO_TOKEN=$(sto token --role planner --scope regions/oost/subregions/twente-demo)",
        StatusCode.PermissionDenied => "your token's role and scope do not cover this resource; use a token of that school (coordinator) or subregion (planner).",
        StatusCode.Unavailable => $"is the server running at {server ?? "the --server address"}? Start it with: ASPNETCORE_ENVIRONMENT=Development dotnet run --project src/Sto.Scheduler.Grpc",
        StatusCode.DeadlineExceeded => "the server did not answer in time; try again, or check the server's log.",
        StatusCode.NotFound => "check the name; `sto runs list` and `sto offers list --school …` show what exists.",
        StatusCode.Aborted => "someone changed it in the meantime; read it again and retry.",
        _ => null,
    };
}
