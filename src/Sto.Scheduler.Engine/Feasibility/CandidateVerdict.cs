using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Feasibility;

/// <summary>
/// Whether a pupil could take an offer at all, before seats, groups and staff are considered; when not, the
/// first failing rule (<see cref="ReasonCodes"/>) with its facts.
/// </summary>
public sealed record CandidateVerdict
{
    public static readonly CandidateVerdict Feasible = new() { IsFeasible = true };

    public bool IsFeasible { get; init; }

    /// <summary>A <see cref="ReasonCodes"/> value; empty when feasible.</summary>
    public string Reason { get; init; } = "";

    /// <summary>The week that fails, for travel reasons.</summary>
    public Week? Week { get; init; }

    /// <summary>For travel reasons: minutes needed (travel + changeover).</summary>
    public int? NeededMinutes { get; init; }

    /// <summary>For travel reasons: minutes available between release and start, or end and return time.</summary>
    public int? AvailableMinutes { get; init; }

    /// <summary>A free-text fact, e.g. the missing prerequisite or the pupil's path.</summary>
    public string Detail { get; init; } = "";

    public static CandidateVerdict Blocked(string reason, string detail = "") =>
        new() { IsFeasible = false, Reason = reason, Detail = detail };
}
