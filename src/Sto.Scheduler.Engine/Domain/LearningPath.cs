namespace Sto.Scheduler.Engine.Domain;

/// <summary>
/// The vmbo learning path (leerweg, domain.md §1.2). Wire codes: bb, kb, gl, tl, nl.
/// </summary>
public enum LearningPath
{
    /// <summary>Basisberoepsgerichte leerweg (bb): basic vocational path.</summary>
    Basic = 1,

    /// <summary>Kaderberoepsgerichte leerweg (kb): advanced vocational path.</summary>
    Advanced = 2,

    /// <summary>Gemengde leerweg (gl): combined path.</summary>
    Combined = 3,

    /// <summary>Theoretische leerweg (tl, mavo): theoretical path.</summary>
    Theoretical = 4,

    /// <summary>Nieuwe leerweg (nl): the merged gl/tl path.</summary>
    New = 5,
}

/// <summary>Wire codes of <see cref="LearningPath"/>.</summary>
public static class LearningPathCodes
{
    /// <summary>The short Dutch code, e.g. "bb".</summary>
    public static string ToCode(this LearningPath path) => path switch
    {
        LearningPath.Basic => "bb",
        LearningPath.Advanced => "kb",
        LearningPath.Combined => "gl",
        LearningPath.Theoretical => "tl",
        LearningPath.New => "nl",
        _ => "?",
    };

    /// <summary>Parses bb/kb/gl/tl/nl (also the monitor's bl/kl and the survey's gt).</summary>
    public static bool TryParse(string? code, out LearningPath path)
    {
        path = code?.Trim().ToLowerInvariant() switch
        {
            "bb" or "bl" => LearningPath.Basic,
            "kb" or "kl" => LearningPath.Advanced,
            "gl" or "gt" => LearningPath.Combined,
            "tl" => LearningPath.Theoretical,
            "nl" => LearningPath.New,
            _ => 0,
        };
        return path != 0;
    }
}
