namespace Sto.Scheduler.Engine.Domain;

/// <summary>
/// One week's meeting of an elective: where and when. An elective whose sessions change venue
/// (weeks 1–6 at the school lab, weeks 7–8 at a company hotspot) is hybrid learning (domain.md §2.4).
/// </summary>
public sealed record Session
{
    public Week Week { get; init; }

    public VenueId Venue { get; init; }

    public TimeOnly Start { get; init; }

    public TimeOnly End { get; init; }

    public SessionKind Kind { get; init; } = SessionKind.Practical;
}
