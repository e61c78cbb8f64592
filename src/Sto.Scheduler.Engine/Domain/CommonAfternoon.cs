namespace Sto.Scheduler.Engine.Domain;

/// <summary>
/// The afternoon of the week that the subregion's schools keep free for technology (domain.md §2.1, A1).
/// Every session, including travel there and back, lies inside <see cref="Start"/>–<see cref="End"/>.
/// </summary>
public sealed record CommonAfternoon
{
    /// <summary>The weekday, for example Tuesday.</summary>
    public DayOfWeek Weekday { get; init; } = DayOfWeek.Tuesday;

    /// <summary>Earliest time anything may start (default 12:45).</summary>
    public TimeOnly Start { get; init; } = new(12, 45);

    /// <summary>Latest time pupils are back (default 16:15).</summary>
    public TimeOnly End { get; init; } = new(16, 15);
}
