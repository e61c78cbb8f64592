using System.Text.Json;

namespace Sto.Scheduler.Engine.Serialization;

/// <summary>Turns System.Text.Json's exceptions into planner-readable <see cref="ProblemJsonException"/>s.</summary>
internal static class JsonErrors
{
    public static ProblemJsonException ToProblemJsonException(JsonException exception, Type root)
    {
        var path = string.IsNullOrEmpty(exception.Path) ? "$" : exception.Path;
        long? line = exception.LineNumber is { } zeroBased ? zeroBased + 1 : null;
        return new ProblemJsonException(path, line, Reason(exception, root), exception);
    }

    private static string Reason(JsonException exception, Type root)
    {
        var message = StripPosition(exception.Message);
        const string unmapped = "The JSON property '";
        if (message.StartsWith(unmapped, StringComparison.Ordinal))
        {
            var end = message.IndexOf('\'', unmapped.Length);
            var name = end > 0 ? message[unmapped.Length..end] : "?";
            return $"unknown property '{name}' (check the spelling; see docs/instance-format.md)";
        }

        const string notConverted = "The JSON value could not be converted to ";
        if (message.StartsWith(notConverted, StringComparison.Ordinal))
        {
            var type = message[notConverted.Length..].TrimEnd('.');
            return $"expected {Expected(type, root)}";
        }

        const string duplicate = "Duplicate property '";
        if (message.StartsWith(duplicate, StringComparison.Ordinal))
        {
            var end = message.IndexOf('\'', duplicate.Length);
            return $"property '{(end > 0 ? message[duplicate.Length..end] : "?")}' appears twice in one object";
        }

        if (message.Contains("doesn't allow setting null values", StringComparison.Ordinal))
        {
            return "null is not allowed here; give a value or leave the property out";
        }

        return message;
    }

    private static string StripPosition(string message)
    {
        foreach (var marker in new[] { " Path: ", " LineNumber: ", " | LineNumber: " })
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                message = message[..at];
            }
        }

        return message.Trim();
    }

    private static string Expected(string type, Type root) => type switch
    {
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Double" => "a number",
        "System.Boolean" => "true or false",
        "System.String" => "a string",
        _ when type.StartsWith("System.Collections.Immutable.ImmutableArray", StringComparison.Ordinal) => "a list [ … ] (use [] for none, or leave the property out)",
        _ when type == root.FullName => "a JSON object",
        _ => $"an object {{ … }} ({type[(type.LastIndexOf('.') + 1)..]})",
    };
}
