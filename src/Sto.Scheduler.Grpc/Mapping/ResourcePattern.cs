namespace Sto.Scheduler.Grpc.Mapping;

/// <summary>
/// A resource name pattern such as "regions/{region}/subregions/{subregion}" (AIP-122): literal
/// collection segments alternate with ids of 1–63 characters [a-z0-9-], starting and ending with a letter or digit.
/// </summary>
public sealed class ResourcePattern(string pattern)
{
    private readonly string[] _segments = pattern.Split('/');

    public string Pattern { get; } = pattern;

    /// <summary>True when <paramref name="name"/> has exactly this shape.</summary>
    public bool Matches(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var parts = name.Split('/');
        if (parts.Length != _segments.Length)
        {
            return false;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            var isVariable = _segments[i].StartsWith('{');
            if (isVariable ? !IsValidId(parts[i]) : parts[i] != _segments[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The name with its last <paramref name="count"/> segments removed.</summary>
    public static string Ancestor(string name, int count)
    {
        var parts = name.Split('/');
        return string.Join('/', parts[..(parts.Length - count)]);
    }

    /// <summary>The last segment of a name.</summary>
    public static string IdOf(string name) => name[(name.LastIndexOf('/') + 1)..];

    public static bool IsValidId(string id) =>
        id.Length is >= 1 and <= 63
        && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && id[0] != '-' && id[^1] != '-';

    public override string ToString() => Pattern;
}
