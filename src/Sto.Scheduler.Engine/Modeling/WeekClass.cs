using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Modeling;

/// <summary>
/// Weeks in which the same offers meet at the same venues and times and the same staff are available: their
/// staffing problems are identical, so one set of staff literals serves all of them (a symmetry cut).
/// </summary>
internal sealed record WeekClass(int Number, IReadOnlyList<Week> Weeks, IReadOnlyList<int> MeetingOffers);
