namespace Sto.Scheduler.Engine.Explanation;

/// <summary>One named fact of a reason, e.g. <c>week = 2027-W04</c>; the value is formatted with the invariant culture.</summary>
public sealed record ExplanationFact(string Key, string Value);
