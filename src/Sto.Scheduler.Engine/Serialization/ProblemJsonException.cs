namespace Sto.Scheduler.Engine.Serialization;

/// <summary>
/// Instance or result JSON that cannot be read. The message names the JSON path and line, e.g.
/// "$.offers[3].sessions[0].week: '2026-W99' is not an ISO week like 2026-W14 (line 120)".
/// </summary>
public sealed class ProblemJsonException : Exception
{
    public ProblemJsonException()
    {
    }

    public ProblemJsonException(string message)
        : base(message)
    {
    }

    public ProblemJsonException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Builds the message from where and what went wrong.</summary>
    public ProblemJsonException(string jsonPath, long? lineNumber, string reason, Exception? innerException = null)
        : base(Format(jsonPath, lineNumber, reason), innerException)
    {
        JsonPath = jsonPath;
        LineNumber = lineNumber;
        Reason = reason;
    }

    /// <summary>The JSON path of the offending value, e.g. "$.offers[3].sessions[0].week" ("$" = the document).</summary>
    public string JsonPath { get; } = "$";

    /// <summary>1-based line of the offending value, when known.</summary>
    public long? LineNumber { get; }

    /// <summary>What is wrong, without path and line.</summary>
    public string Reason { get; } = "";

    private static string Format(string jsonPath, long? lineNumber, string reason) =>
        lineNumber is { } line ? $"{jsonPath}: {reason} (line {line})" : $"{jsonPath}: {reason}";
}
