namespace Sto.Scheduler.Grpc.Persistence;

/// <summary>What a finished run keeps besides its wire allocation: the Engine's problem and allocation (ProblemJson) and, for a re-plan, its diff.</summary>
/// <param name="Problem">The solved problem as ProblemJson.</param>
/// <param name="Allocation">The Engine allocation as ProblemJson.</param>
/// <param name="Diff">The AllocationDiff message as proto JSON; null unless the run is a re-plan.</param>
public sealed record RunSnapshot(string Problem, string Allocation, string? Diff = null);
