namespace Sto.Scheduler.Engine.Validation;

/// <summary>
/// One broken hard rule in an allocation, found by <see cref="AllocationChecker"/>.
/// </summary>
/// <param name="Rule">The kebab-case rule id of docs/rules.md, e.g. <c>staff-pupil-ratio</c> (<see cref="AllocationRuleIds"/>).</param>
/// <param name="Subject">
/// What the rule is about: a pupil, offer or staff id; <c>offer/group</c> for a group; <c>…@week</c> when a week
/// matters (<c>metal/1@2026-W14</c>, <c>hotspot@2026-W15</c>); <c>school→venue@week</c> for a bus trip.
/// </param>
/// <param name="Message">A sentence a planner can act on, with the numbers involved.</param>
public sealed record AllocationViolation(string Rule, string Subject, string Message)
{
    public override string ToString() => $"{Rule} [{Subject}]: {Message}";
}
