namespace Sto.Scheduler.Client.Cli;

/// <summary>Turns the short names a planner types (<c>s01</c>, <c>s01/p0001</c>, <c>run-1</c>) into resource names and back.</summary>
internal static class Names
{
    public const string DemoSubregion = "regions/oost/subregions/twente-demo";

    public static string Subregion(string value)
    {
        var v = value.Trim().Trim('/');
        if (v.StartsWith("regions/", StringComparison.Ordinal))
        {
            return Expect(v, 4, "regions/{region}/subregions/{subregion}", "--subregion");
        }

        var parts = v.Split('/');
        return parts.Length == 2 && parts.All(p => p.Length > 0)
            ? $"regions/{parts[0]}/subregions/{parts[1]}"
            : throw new CliException(ExitCodes.Usage, $"--subregion '{value}': expected 'regions/{{region}}/subregions/{{subregion}}' or '{{region}}/{{subregion}}', e.g. oost/twente-demo.");
    }

    public static string School(string subregion, string value) =>
        Child(subregion, value, "schools", 6, "--school", "a school id such as s01 or regions/…/schools/s01");

    public static string Run(string subregion, string value) =>
        Child(subregion, value, "allocationRuns", 6, "run", "a run id such as run-1 or regions/…/allocationRuns/run-1");

    public static string Pupil(string subregion, string value)
    {
        var v = value.Trim().Trim('/');
        if (v.StartsWith("regions/", StringComparison.Ordinal))
        {
            return Expect(v, 8, "regions/…/schools/{school}/pupils/{pupil}", "pupil");
        }

        var parts = v.Split('/');
        return parts.Length == 2 && parts.All(p => p.Length > 0)
            ? $"{subregion}/schools/{parts[0]}/pupils/{parts[1]}"
            : throw new CliException(ExitCodes.Usage, $"pupil '{value}': expected '{{school}}/{{pupil}}' (e.g. s01/p0001) or a full pupil name.");
    }

    /// <summary>"school/offer" or a plain offer id of <paramref name="school"/>, or a full name.</summary>
    public static string OfferReference(string subregion, string school, string value)
    {
        if (value.StartsWith("regions/", StringComparison.Ordinal))
        {
            return value;
        }

        var parts = value.Split('/');
        return parts.Length == 2 ? $"{subregion}/schools/{parts[0]}/electiveOffers/{parts[1]}" : $"{school}/electiveOffers/{value}";
    }

    public static string ShortOfferReference(string subregion, string name)
    {
        var prefix = subregion + "/schools/";
        if (!name.StartsWith(prefix, StringComparison.Ordinal))
        {
            return name;
        }

        var parts = name[prefix.Length..].Split('/');
        return parts.Length == 3 && parts[1] == "electiveOffers" ? $"{parts[0]}/{parts[2]}" : name;
    }

    /// <summary>Relative to the subregion: "venues/x", "schools/x"; a bare id means a venue (<paramref name="bareCollection"/>).</summary>
    public static string SubregionChild(string subregion, string value, string bareCollection) =>
        value.StartsWith("regions/", StringComparison.Ordinal) ? value
            : value.Contains('/', StringComparison.Ordinal) ? $"{subregion}/{value}"
            : $"{subregion}/{bareCollection}/{value}";

    public static string Relative(string subregion, string name) =>
        name.StartsWith(subregion + "/", StringComparison.Ordinal) ? name[(subregion.Length + 1)..] : name;

    public static string LastSegment(string name) => name[(name.LastIndexOf('/') + 1)..];

    private static string Child(string subregion, string value, string collection, int segments, string what, string expected)
    {
        var v = value.Trim().Trim('/');
        if (v.StartsWith("regions/", StringComparison.Ordinal))
        {
            return Expect(v, segments, expected, what);
        }

        return v.Length > 0 && !v.Contains('/', StringComparison.Ordinal)
            ? $"{subregion}/{collection}/{v}"
            : throw new CliException(ExitCodes.Usage, $"{what} '{value}': expected {expected}.");
    }

    private static string Expect(string name, int segments, string expected, string what) =>
        name.Split('/').Length == segments && !name.Split('/').Any(string.IsNullOrEmpty)
            ? name
            : throw new CliException(ExitCodes.Usage, $"{what} '{name}': expected {expected}.");
}
