using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Serialization;

/// <summary>
/// The instance file format (docs/instance-format.md): a <see cref="SchedulingProblem"/>, an
/// <see cref="Allocation"/> or an <see cref="AllocationQuality"/> as indented camelCase JSON. Ids are plain strings,
/// weeks "2026-W14", times "13:30", learning paths bb/kb/gl/tl/nl, other enums camelCase names. Unknown
/// properties are rejected so typos are caught; missing lists are empty. Pure: strings and streams only.
/// </summary>
public static class ProblemJson
{
    /// <summary>The serializer options of the format (read-only), for callers that embed these records.</summary>
    public static JsonSerializerOptions Options { get; } = ProblemJsonOptions.Create();

    /// <summary>The problem as indented JSON with "\n" line ends; equal problems give byte-identical text.</summary>
    public static string Serialize(SchedulingProblem problem) => Write(problem);

    /// <summary>Writes the problem as UTF-8 JSON to the stream.</summary>
    public static void Serialize(SchedulingProblem problem, Stream utf8Json) => Write(problem, utf8Json);

    /// <summary>Reads a problem; throws <see cref="ProblemJsonException"/> naming the JSON path and line on bad input.</summary>
    public static SchedulingProblem Deserialize(string json) => Read<SchedulingProblem>(json);

    /// <summary>Reads a problem from UTF-8 JSON; throws <see cref="ProblemJsonException"/> on bad input.</summary>
    public static SchedulingProblem Deserialize(Stream utf8Json) => Read<SchedulingProblem>(utf8Json);

    /// <summary>Reads a problem, or gives the error message instead of throwing.</summary>
    public static bool TryDeserialize(
        string json,
        [NotNullWhen(true)] out SchedulingProblem? problem,
        [NotNullWhen(false)] out string? error) => TryRead(json, out problem, out error);

    /// <summary>The allocation as indented JSON.</summary>
    public static string SerializeAllocation(Allocation allocation) => Write(allocation);

    /// <summary>Reads an allocation; throws <see cref="ProblemJsonException"/> on bad input.</summary>
    public static Allocation DeserializeAllocation(string json) => Read<Allocation>(json);

    /// <summary>Reads an allocation, or gives the error message instead of throwing.</summary>
    public static bool TryDeserializeAllocation(
        string json,
        [NotNullWhen(true)] out Allocation? allocation,
        [NotNullWhen(false)] out string? error) => TryRead(json, out allocation, out error);

    /// <summary>The quality report as indented JSON.</summary>
    public static string SerializeQuality(AllocationQuality quality) => Write(quality);

    /// <summary>Reads a quality report; throws <see cref="ProblemJsonException"/> on bad input.</summary>
    public static AllocationQuality DeserializeQuality(string json) => Read<AllocationQuality>(json);

    private static string Write<T>(T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonSerializer.Serialize(value, Options) + "\n";
    }

    private static void Write<T>(T value, Stream utf8Json)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(utf8Json);
        JsonSerializer.Serialize(utf8Json, value, Options);
        utf8Json.WriteByte((byte)'\n');
    }

    private static T Read<T>(string json)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new ProblemJsonException("$", null, "the text is empty; expected a JSON object");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, Options)
                ?? throw new ProblemJsonException("$", 1, "expected a JSON object, found null");
        }
        catch (JsonException ex)
        {
            throw JsonErrors.ToProblemJsonException(ex, typeof(T));
        }
    }

    private static T Read<T>(Stream utf8Json)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        try
        {
            return JsonSerializer.Deserialize<T>(utf8Json, Options)
                ?? throw new ProblemJsonException("$", 1, "expected a JSON object, found null");
        }
        catch (JsonException ex)
        {
            throw JsonErrors.ToProblemJsonException(ex, typeof(T));
        }
    }

    private static bool TryRead<T>(string json, [NotNullWhen(true)] out T? value, [NotNullWhen(false)] out string? error)
        where T : class
    {
        try
        {
            value = Read<T>(json);
            error = null;
            return true;
        }
        catch (ProblemJsonException ex)
        {
            value = null;
            error = ex.Message;
            return false;
        }
    }
}
