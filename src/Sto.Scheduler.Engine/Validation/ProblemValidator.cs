using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Validation;

/// <summary>
/// Checks a <see cref="SchedulingProblem"/> before it is solved and reports every problem at once, each with a
/// path, a stable <see cref="IssueCodes"/> code and a sentence a planner can act on. It never throws on bad data:
/// default arrays, null entries and ids without a value are reported, not dereferenced.
/// </summary>
/// <remarks>
/// A choice a pupil cannot reach in time is legal input (it simply cannot be granted); a choice the pupil can
/// never take because of eligibility is an error.
/// </remarks>
public static partial class ProblemValidator
{
    /// <summary>All issues of the problem, in the order of its sections; empty when the problem is valid.</summary>
    public static ImmutableArray<ValidationIssue> Validate(SchedulingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var context = new Context(problem);
        ValidatePeriod(context);
        ValidateRules(context);
        ValidateSchools(context);
        ValidateVenues(context);
        ValidateKits(context);
        ValidateOffers(context);
        ValidateStaff(context);
        ValidatePupils(context);
        ValidateTravelLegs(context);
        return context.Issues.ToImmutable();
    }
}
