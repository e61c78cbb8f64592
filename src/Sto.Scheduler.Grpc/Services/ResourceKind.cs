using Google.Protobuf;
using Grpc.Core;
using Sto.Scheduler.Grpc.Auth;
using Sto.Scheduler.Grpc.Errors;
using Sto.Scheduler.Grpc.Mapping;

namespace Sto.Scheduler.Grpc.Services;

/// <summary>How one resource type is named, guarded and checked; drives <see cref="StandardMethods"/>.</summary>
/// <param name="TypeName">The AIP-123 type, e.g. "scheduler.sto/Pupil".</param>
/// <param name="Field">The request field holding the resource, e.g. "pupil".</param>
/// <param name="Pattern">The name pattern.</param>
/// <param name="ParentPattern">The parent's pattern.</param>
/// <param name="ReadAccess">Access check for Get and List (on the name or parent).</param>
/// <param name="WriteAccess">Access check for writes.</param>
/// <param name="Validate">Field-level checks beyond REQUIRED; adds violations with the given path prefix.</param>
/// <param name="DeadlineApplies">Whether coordinators' writes close at the subregion's submission deadline.</param>
/// <param name="Visible">When set, List returns only the items for which it is true (a list must not show what Get denies).</param>
/// <param name="CheckReferences">
/// When set, checks what the resource refers to against the stored subregion (existence, weeks of the period) at
/// write time, together with <paramref name="Validate"/>.
/// </param>
public sealed record ResourceKind<T>(
    string TypeName,
    string Field,
    ResourcePattern Pattern,
    ResourcePattern ParentPattern,
    Func<ServerCallContext, string, Caller> ReadAccess,
    Func<ServerCallContext, string, Caller> WriteAccess,
    Action<T, string, FieldViolations> Validate,
    bool DeadlineApplies = false,
    Func<Caller, string, bool>? Visible = null,
    Action<T, string, ReferenceFacts, FieldViolations>? CheckReferences = null)
    where T : IMessage<T>, new()
{
    /// <summary>The collection segment, e.g. "pupils".</summary>
    public string Collection => Pattern.Pattern.Split('/')[^2];
}
