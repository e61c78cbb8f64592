using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Grpc.Jobs;

/// <summary>The Engine's problem validation, used by validate_only runs (the solver repeats it for real runs).</summary>
public static class ProblemChecks
{
    public static ImmutableArray<ValidationIssue> Validate(SchedulingProblem problem) => ProblemValidator.Validate(problem);
}
