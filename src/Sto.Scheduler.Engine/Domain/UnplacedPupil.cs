namespace Sto.Scheduler.Engine.Domain;

/// <summary>A pupil who got no elective, with a short code of the main reason.</summary>
public sealed record UnplacedPupil
{
    public PupilId Pupil { get; init; }

    /// <summary>
    /// "no-feasible-choice" (none of the choices is eligible and reachable) or "capacity" (feasible choices
    /// existed, but the seats, groups or staff went to others).
    /// </summary>
    public string Reason { get; init; } = "";
}
