namespace Sto.Scheduler.Engine.Validation;

/// <summary>
/// One problem with the input: a path to the field in proto/JSON style (<c>offers[3].sessions[0].venue</c>),
/// a stable kebab-case code, and a sentence a school coordinator or planner can act on.
/// </summary>
public sealed record ValidationIssue(string Path, string Code, string Message)
{
    public override string ToString() => $"{Path}: {Message} [{Code}]";
}
