using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Grpc.Jobs;

/// <summary>The Engine's problem validation, used by validate_only runs. Placeholder until ProblemValidator lands on main.</summary>
public static class ProblemChecks
{
    public static ImmutableArray<ValidationIssue> Validate(SchedulingProblem problem) =>
        problem.Pupils.IsDefault ? [new ValidationIssue("pupils", "missing", "No pupils.")] : [];
}
