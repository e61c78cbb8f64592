using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Sto.Scheduler.Grpc.Persistence.Records;

namespace Sto.Scheduler.Grpc.Persistence;

/// <summary>A stored resource with its storage metadata.</summary>
public sealed record Stored<T>(T Message, string Etag, DateTimeOffset CreateTime, DateTimeOffset UpdateTime);

/// <summary>
/// Stores any resource message as one row (kind, name, parent, etag, times, proto JSON). Returns null for
/// "not found"; throws <see cref="ResourceAlreadyExistsException"/> and <see cref="EtagMismatchException"/>.
/// </summary>
public sealed class ResourceStore(SchedulerDbContext db, TimeProvider time)
{
    public async Task<Stored<T>?> GetAsync<T>(string name, CancellationToken cancellationToken)
        where T : IMessage<T>, new()
    {
        var record = await db.Resources.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Name == name && r.Kind == KindName<T>.Value, cancellationToken);
        return record is null ? null : ToStored<T>(record);
    }

    /// <summary>A page of children of <paramref name="parent"/> ordered by name, and whether more follow.</summary>
    public async Task<(IReadOnlyList<Stored<T>> Items, bool HasMore)> ListAsync<T>(
        string parent, int offset, int pageSize, CancellationToken cancellationToken)
        where T : IMessage<T>, new()
    {
        var records = await db.Resources.AsNoTracking()
            .Where(r => r.Kind == KindName<T>.Value && r.Parent == parent)
            .OrderBy(r => r.Name)
            .Skip(offset)
            .Take(pageSize + 1)
            .ToListAsync(cancellationToken);
        return (records.Take(pageSize).Select(ToStored<T>).ToList(), records.Count > pageSize);
    }

    /// <summary>Every resource of a kind in a subregion (for assembling a problem).</summary>
    public async Task<IReadOnlyList<T>> ListInSubregionAsync<T>(string subregion, CancellationToken cancellationToken)
        where T : IMessage<T>, new()
    {
        var records = await db.Resources.AsNoTracking()
            .Where(r => r.Kind == KindName<T>.Value && r.Subregion == subregion)
            .OrderBy(r => r.Name)
            .ToListAsync(cancellationToken);
        return records.Select(r => ProtoJson.Read<T>(r.Payload)).ToList();
    }

    /// <summary>
    /// The names of the stored resources of several kinds in a subregion, per kind (<see cref="KindOf{T}"/>), in one
    /// query; a kind with none maps to an empty set.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, HashSet<string>>> ListNamesByKindInSubregionAsync(
        string subregion, IReadOnlyCollection<string> kinds, CancellationToken cancellationToken)
    {
        var wanted = kinds.ToList();
        var rows = await db.Resources.AsNoTracking()
            .Where(r => r.Subregion == subregion && wanted.Contains(r.Kind))
            .Select(r => new { r.Kind, r.Name })
            .ToListAsync(cancellationToken);
        return wanted.Distinct(StringComparer.Ordinal).ToDictionary(
            kind => kind,
            kind => rows.Where(r => r.Kind == kind).Select(r => r.Name).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    /// <summary>The stored kind of a resource message type (its full proto name).</summary>
    public static string KindOf<T>()
        where T : IMessage<T>, new() => KindName<T>.Value;

    /// <summary>Which of <paramref name="names"/> are stored (any kind), for counting what an upsert would create.</summary>
    public async Task<HashSet<string>> ExistingNamesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var list = names.ToList();
        var existing = await db.Resources.AsNoTracking()
            .Where(r => list.Contains(r.Name))
            .Select(r => r.Name)
            .ToListAsync(cancellationToken);
        return existing.ToHashSet(StringComparer.Ordinal);
    }

    public async Task<Stored<T>> CreateAsync<T>(
        string name, string parent, string subregion, T message, CancellationToken cancellationToken)
        where T : IMessage<T>, new()
    {
        if (await db.Resources.AnyAsync(r => r.Name == name, cancellationToken))
        {
            throw new ResourceAlreadyExistsException(name);
        }

        var record = NewRecord(name, parent, subregion, message);
        db.Resources.Add(record);
        await SaveAsync(name, cancellationToken);
        return ToStored<T>(record);
    }

    /// <summary>Replaces the stored message; <paramref name="expectedEtag"/> (when not empty) must match.</summary>
    public async Task<Stored<T>> UpdateAsync<T>(
        string name, string? expectedEtag, T message, CancellationToken cancellationToken)
        where T : IMessage<T>, new()
    {
        var record = await db.Resources.SingleOrDefaultAsync(
            r => r.Name == name && r.Kind == KindName<T>.Value, cancellationToken)
            ?? throw new KeyNotFoundException(name);
        if (!string.IsNullOrEmpty(expectedEtag) && expectedEtag != record.Etag)
        {
            throw new EtagMismatchException(name);
        }

        Touch(record, message);
        await SaveAsync(name, cancellationToken);
        return ToStored<T>(record);
    }

    /// <summary>Deletes the resource and its descendants; false when it did not exist.</summary>
    public async Task<bool> DeleteAsync<T>(string name, string? expectedEtag, CancellationToken cancellationToken)
        where T : IMessage<T>, new()
    {
        var record = await db.Resources.SingleOrDefaultAsync(
            r => r.Name == name && r.Kind == KindName<T>.Value, cancellationToken);
        if (record is null)
        {
            return false;
        }

        if (!string.IsNullOrEmpty(expectedEtag) && expectedEtag != record.Etag)
        {
            throw new EtagMismatchException(name);
        }

        var prefix = name + "/";
        db.Resources.Remove(record);
        db.Resources.RemoveRange(db.Resources.Where(r => r.Name.StartsWith(prefix)));
        await SaveAsync(name, cancellationToken);
        return true;
    }

    /// <summary>Creates or replaces every row in one transaction; returns (stored, created?) in input order.</summary>
    public async Task<IReadOnlyList<(Stored<T> Stored, bool Created)>> UpsertAllAsync<T>(
        string parent, string subregion, IReadOnlyList<(string Name, T Message)> rows, CancellationToken cancellationToken)
        where T : IMessage<T>, new()
    {
        var names = rows.Select(r => r.Name).ToList();
        var existing = await db.Resources
            .Where(r => names.Contains(r.Name))
            .ToDictionaryAsync(r => r.Name, cancellationToken);
        var result = new List<(Stored<T>, bool)>(rows.Count);
        foreach (var (name, message) in rows)
        {
            if (existing.TryGetValue(name, out var record))
            {
                if (record.Kind != KindName<T>.Value)
                {
                    throw new ResourceAlreadyExistsException(name);
                }

                Touch(record, message);
                result.Add((ToStored<T>(record), false));
            }
            else
            {
                record = NewRecord(name, parent, subregion, message);
                db.Resources.Add(record);
                result.Add((ToStored<T>(record), true));
            }
        }

        await SaveAsync(parent, cancellationToken);
        return result;
    }

    private ResourceRecord NewRecord<T>(string name, string parent, string subregion, T message)
        where T : IMessage<T>, new()
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return new ResourceRecord
        {
            Name = name,
            Kind = KindName<T>.Value,
            Parent = parent,
            Subregion = subregion,
            Etag = NewEtag(),
            CreateTimeMs = now,
            UpdateTimeMs = now,
            Payload = ProtoJson.Write(message),
        };
    }

    private void Touch(ResourceRecord record, IMessage message)
    {
        record.Payload = ProtoJson.Write(message);
        record.Etag = NewEtag();
        record.UpdateTimeMs = time.GetUtcNow().ToUnixTimeMilliseconds();
    }

    private async Task SaveAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new EtagMismatchException(name);
        }
        catch (DbUpdateException) when (db.ChangeTracker.Entries<ResourceRecord>()
            .Any(e => e.State == EntityState.Added))
        {
            throw new ResourceAlreadyExistsException(name);
        }
    }

    /// <summary>The resource name an earlier create with this request key produced, or null.</summary>
    public Task<string?> FindRequestAsync(string key, CancellationToken cancellationToken) =>
        db.RequestLog.AsNoTracking().Where(r => r.Key == key).Select(r => r.ResourceName).SingleOrDefaultAsync(cancellationToken);

    internal static string NewEtag() => Guid.NewGuid().ToString("N")[..16];

    private static class KindName<T>
        where T : IMessage<T>, new()
    {
        public static readonly string Value = new T().Descriptor.FullName;
    }

    private static Stored<T> ToStored<T>(ResourceRecord record)
        where T : IMessage<T>, new() => new(
            ProtoJson.Read<T>(record.Payload),
            record.Etag,
            DateTimeOffset.FromUnixTimeMilliseconds(record.CreateTimeMs),
            DateTimeOffset.FromUnixTimeMilliseconds(record.UpdateTimeMs));
}
