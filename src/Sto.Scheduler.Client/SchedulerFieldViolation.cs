namespace Sto.Scheduler.Client;

/// <summary>One bad field of a request, from the <c>google.rpc.BadRequest</c> detail of an error.</summary>
/// <param name="Field">The field path, for example <c>pupils[3].choices[0].rank</c>.</param>
/// <param name="Description">What is wrong and what is expected.</param>
public sealed record SchedulerFieldViolation(string Field, string Description);
