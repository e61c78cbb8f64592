using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Grpc.Auth;
using Sto.Scheduler.Grpc.Errors;
using Sto.Scheduler.Grpc.Mapping;
using Sto.Scheduler.Grpc.Persistence;
using Sto.Scheduler.Grpc.Persistence.Records;

namespace Sto.Scheduler.Grpc.Services;

/// <summary>
/// Get/List/Create/Update/Delete/BatchUpsert for any <see cref="ResourceKind{T}"/>, each the same recipe:
/// check access on the raw name → parse → validate (all violations at once) → submission deadline → store → present.
/// </summary>
public sealed class StandardMethods(ResourceStore store, SchedulerDbContext db, TimeProvider time)
{
    public async Task<T> GetAsync<T>(ResourceKind<T> kind, string name, ServerCallContext context)
        where T : IMessage<T>, new()
    {
        AccessChecks.RequireNamed(context, name, kind.Pattern, "name", kind.ReadAccess);
        var stored = await store.GetAsync<T>(name, context.CancellationToken)
            ?? throw RpcErrors.NotFound(name, kind.TypeName);
        return Present(stored, name);
    }

    public async Task<(IReadOnlyList<T> Items, string NextPageToken)> ListAsync<T>(
        ResourceKind<T> kind, string parent, int pageSize, string pageToken, ServerCallContext context)
        where T : IMessage<T>, new()
    {
        ResourceNames.RequirePresent(parent, kind.ParentPattern, "parent");
        var caller = kind.ReadAccess(context, parent);
        var violations = new FieldViolations();
        ResourceNames.Check(parent, kind.ParentPattern, "parent", violations);
        var (offset, size) = PageToken.Decode(parent, pageToken, pageSize, violations);
        violations.ThrowIfAny();
        if (kind.Visible is { } visible)
        {
            // Only a few items are visible (a caller's own subregion): filter before paging, so pages are full and a
            // next_page_token means there is more to see.
            var (all, _) = await store.ListAsync<T>(parent, 0, MaxFilteredListSize, context.CancellationToken);
            var shown = all.Where(s => visible(caller, ProtoFields.GetString(s.Message, "name"))).ToList();
            var page = shown.Skip(offset).Take(size).Select(s => Present(s, ProtoFields.GetString(s.Message, "name"))).ToList();
            return (page, offset + size < shown.Count ? PageToken.Encode(parent, offset + size) : "");
        }

        var (items, hasMore) = await store.ListAsync<T>(parent, offset, size, context.CancellationToken);
        var next = hasMore ? PageToken.Encode(parent, offset + size) : "";
        return (items.Select(s => Present(s, ProtoFields.GetString(s.Message, "name"))).ToList(), next);
    }

    /// <summary>Items of a filtered kind read at most per list call (subregions per region: a handful).</summary>
    private const int MaxFilteredListSize = 10_000;

    public async Task<T> CreateAsync<T>(
        ResourceKind<T> kind, string parent, T? message, string id, string requestId, bool validateOnly, ServerCallContext context)
        where T : IMessage<T>, new()
    {
        ResourceNames.RequirePresent(parent, kind.ParentPattern, "parent");
        var name = $"{parent}/{kind.Collection}/{id}";
        var caller = kind.WriteAccess(context, name);
        var violations = new FieldViolations();
        var parentValid = ResourceNames.Check(parent, kind.ParentPattern, "parent", violations);
        if (!ResourcePattern.IsValidId(id))
        {
            violations.Add($"{kind.Field}_id", "1-63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit.");
        }

        if (message is null)
        {
            violations.Add(kind.Field, "Required.");
            violations.ThrowIfAny();
            return default!;
        }

        message = message.Clone();
        ProtoFields.ClearOutputOnly(message);
        ProtoFields.SetString(message, "name", name);
        ProtoFields.SetString(message, "etag", "");
        CheckFields(kind, message, kind.Field, violations);
        if (parentValid)
        {
            await CheckReferencesAsync(kind, [(message, kind.Field)], parent, violations, context.CancellationToken);
        }

        violations.ThrowIfAny();
        await RequireOpenSubmissionsAsync(kind, caller, name, context.CancellationToken);
        await RequireParentAsync(kind, parent, context.CancellationToken);

        var requestKey = RequestKey(context, kind, requestId);
        if (requestKey is not null
            && await db.RequestLog.AsNoTracking().SingleOrDefaultAsync(r => r.Key == requestKey, context.CancellationToken) is { } earlier
            && await store.GetAsync<T>(earlier.ResourceName, context.CancellationToken) is { } replay)
        {
            return Present(replay, earlier.ResourceName);
        }

        if (validateOnly)
        {
            return message;
        }

        if (requestKey is not null)
        {
            db.RequestLog.Add(new RequestLogRecord { Key = requestKey, ResourceName = name, CreateTimeMs = time.GetUtcNow().ToUnixTimeMilliseconds() });
        }

        var stored = await store.CreateAsync(name, parent, AccessChecks.SubregionOf(name), message, context.CancellationToken);
        return Present(stored, name);
    }

    public async Task<T> UpdateAsync<T>(
        ResourceKind<T> kind, T? message, FieldMask? mask, bool validateOnly, ServerCallContext context)
        where T : IMessage<T>, new()
    {
        if (message is null)
        {
            var missing = new FieldViolations();
            missing.Add(kind.Field, "Required.");
            missing.ThrowIfAny();
        }

        var name = ProtoFields.GetString(message!, "name");
        var caller = AccessChecks.RequireNamed(context, name, kind.Pattern, $"{kind.Field}.name", kind.WriteAccess);
        await RequireOpenSubmissionsAsync(kind, caller, name, context.CancellationToken);
        var stored = await store.GetAsync<T>(name, context.CancellationToken)
            ?? throw RpcErrors.NotFound(name, kind.TypeName);
        var etag = ProtoFields.GetString(message!, "etag");
        if (etag.Length > 0 && etag != stored.Etag)
        {
            throw RpcErrors.EtagMismatch(name);
        }

        var violations = new FieldViolations();
        var merged = ProtoFields.ApplyMask(stored.Message, message!, mask, violations);
        CheckFields(kind, merged, kind.Field, violations);
        await CheckReferencesAsync(kind, [(merged, kind.Field)], name, violations, context.CancellationToken);
        violations.ThrowIfAny();
        ProtoFields.ClearOutputOnly(merged);
        ProtoFields.SetString(merged, "name", name);
        if (validateOnly)
        {
            return Present(stored with { Message = merged }, name);
        }

        var updated = await store.UpdateAsync(name, stored.Etag, merged, context.CancellationToken);
        return Present(updated, name);
    }

    public async Task<Empty> DeleteAsync<T>(ResourceKind<T> kind, string name, string etag, ServerCallContext context)
        where T : IMessage<T>, new()
    {
        var caller = AccessChecks.RequireNamed(context, name, kind.Pattern, "name", kind.WriteAccess);
        await RequireOpenSubmissionsAsync(kind, caller, name, context.CancellationToken);
        return await store.DeleteAsync<T>(name, etag, context.CancellationToken)
            ? new Empty()
            : throw RpcErrors.NotFound(name, kind.TypeName);
    }

    /// <summary>Creates or replaces every row in one transaction, or nothing when any row is invalid.</summary>
    public async Task<(IReadOnlyList<T> Items, int Created, int Updated)> BatchUpsertAsync<T>(
        ResourceKind<T> kind, string parent, IReadOnlyList<T> rows, string rowsField, bool validateOnly, ServerCallContext context)
        where T : IMessage<T>, new()
    {
        ResourceNames.RequirePresent(parent, kind.ParentPattern, "parent");
        var caller = kind.WriteAccess(context, parent);
        var violations = new FieldViolations();
        var parentValid = ResourceNames.Check(parent, kind.ParentPattern, "parent", violations);
        if (rows.Count is 0 or > 5000)
        {
            violations.Add(rowsField, "Between 1 and 5000 rows.");
        }

        var prepared = new List<(string Name, T Message)>(rows.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i].Clone();
            var name = ProtoFields.GetString(row, "name");
            var path = $"{rowsField}[{i}]";
            if (ResourceNames.Check(name, kind.Pattern, $"{path}.name", violations)
                && ResourcePattern.Ancestor(name, 2) != parent)
            {
                violations.Add($"{path}.name", $"Must lie under the parent '{parent}'.");
            }
            else if (!seen.Add(name))
            {
                violations.Add($"{path}.name", $"'{name}' appears twice in the request.");
            }

            ProtoFields.ClearOutputOnly(row);
            ProtoFields.SetString(row, "etag", "");
            CheckFields(kind, row, path, violations);
            prepared.Add((name, row));
        }

        if (parentValid)
        {
            await CheckReferencesAsync(
                kind, prepared.Select((p, i) => (p.Message, $"{rowsField}[{i}]")).ToList(), parent, violations, context.CancellationToken);
        }

        violations.ThrowIfAny();
        await RequireOpenSubmissionsAsync(kind, caller, parent, context.CancellationToken);
        await RequireParentAsync(kind, parent, context.CancellationToken);
        if (validateOnly)
        {
            var existing = await store.ExistingNamesAsync(prepared.Select(p => p.Name).ToList(), context.CancellationToken);
            var wouldCreate = prepared.Count(p => !existing.Contains(p.Name));
            return (prepared.Select(p => p.Message).ToList(), wouldCreate, prepared.Count - wouldCreate);
        }

        var stored = await store.UpsertAllAsync(parent, AccessChecks.SubregionOf(parent), prepared, context.CancellationToken);
        var items = stored.Select((s, i) => Present(s.Stored, prepared[i].Name)).ToList();
        var created = stored.Count(s => s.Created);
        return (items, created, stored.Count - created);
    }

    /// <summary>REQUIRED fields, then the kind's own checks; a missing field is reported once, as "Required.".</summary>
    private static void CheckFields<T>(ResourceKind<T> kind, T message, string path, FieldViolations violations)
        where T : IMessage<T>, new()
    {
        var missing = new FieldViolations();
        ProtoFields.CheckRequired(message, path, missing);
        var checks = new FieldViolations();
        kind.Validate(message, path, checks);
        var missingFields = missing.Items.Select(v => v.Field).ToHashSet(StringComparer.Ordinal);
        foreach (var violation in missing.Items.Concat(checks.Items.Where(v => !missingFields.Contains(v.Field))))
        {
            violations.Add(violation.Field, violation.Description);
        }
    }

    /// <summary>
    /// The kind's reference checks against the stored subregion of <paramref name="nameInSubregion"/>; a field that
    /// already has a violation is not reported twice. Skipped when the subregion itself does not exist.
    /// </summary>
    private async Task CheckReferencesAsync<T>(
        ResourceKind<T> kind, IReadOnlyList<(T Message, string Path)> rows, string nameInSubregion, FieldViolations violations,
        CancellationToken cancellationToken)
        where T : IMessage<T>, new()
    {
        if (kind.CheckReferences is null
            || await ReferenceFacts.LoadAsync(store, AccessChecks.SubregionOf(nameInSubregion), cancellationToken) is not { } facts)
        {
            return;
        }

        var reported = violations.Items.Select(v => v.Field).ToHashSet(StringComparer.Ordinal);
        var found = new FieldViolations();
        foreach (var (message, path) in rows)
        {
            kind.CheckReferences(message, path, facts, found);
        }

        foreach (var violation in found.Items.Where(v => !reported.Contains(v.Field)))
        {
            violations.Add(violation.Field, violation.Description);
        }
    }

    /// <summary>NOT_FOUND when the parent is a stored resource (a subregion or a school) that does not exist.</summary>
    private async Task RequireParentAsync<T>(ResourceKind<T> kind, string parent, CancellationToken cancellationToken)
        where T : IMessage<T>, new()
    {
        var exists = kind.ParentPattern == ResourceNames.School ? await store.GetAsync<School>(parent, cancellationToken) is not null
            : kind.ParentPattern == ResourceNames.Subregion ? await store.GetAsync<Subregion>(parent, cancellationToken) is not null
            : true;
        if (!exists)
        {
            throw RpcErrors.NotFound(parent, kind.ParentPattern == ResourceNames.School ? ResourceKinds.School.TypeName : ResourceKinds.Subregion.TypeName);
        }
    }

    private async Task RequireOpenSubmissionsAsync<T>(
        ResourceKind<T> kind, Caller caller, string name, CancellationToken cancellationToken)
        where T : IMessage<T>, new()
    {
        if (!kind.DeadlineApplies || !caller.IsCoordinator)
        {
            return;
        }

        var subregionName = AccessChecks.SubregionOf(name);
        var subregion = await store.GetAsync<Subregion>(subregionName, cancellationToken);
        if (subregion?.Message.SubmissionDeadlineTime is { } deadline && time.GetUtcNow() >= deadline.ToDateTimeOffset())
        {
            throw RpcErrors.SubmissionClosed(subregionName, deadline.ToDateTimeOffset());
        }
    }

    private static string? RequestKey<T>(ServerCallContext context, ResourceKind<T> kind, string requestId)
        where T : IMessage<T>, new() => RequestKey(context, kind.TypeName, requestId);

    /// <summary>The idempotency key of a create: the caller, the kind of request and its request_id; null without one.</summary>
    public static string? RequestKey(ServerCallContext context, string requestType, string requestId) =>
        string.IsNullOrEmpty(requestId)
            ? null
            : $"{context.GetHttpContext().User.FindFirst("sub")?.Value}|{requestType}|{requestId}";

    private static T Present<T>(Stored<T> stored, string name)
        where T : IMessage<T>, new()
    {
        var message = stored.Message.Clone();
        ProtoFields.SetString(message, "name", name);
        ProtoFields.SetString(message, "etag", stored.Etag);
        ProtoFields.SetTimestamp(message, "create_time", stored.CreateTime);
        ProtoFields.SetTimestamp(message, "update_time", stored.UpdateTime);
        return message;
    }
}
