namespace Sto.Scheduler.Grpc.Persistence.Records;

/// <summary>One stored resource (school, venue, offer, pupil, …) as proto JSON; never leaves Persistence.</summary>
public sealed class ResourceRecord
{
    /// <summary>The full resource name; primary key.</summary>
    public required string Name { get; set; }

    /// <summary>The proto message name, e.g. "sto.scheduler.v1.Pupil".</summary>
    public required string Kind { get; set; }

    /// <summary>The parent resource name (collection owner).</summary>
    public required string Parent { get; set; }

    /// <summary>The subregion the resource belongs to (for building a problem in one query).</summary>
    public required string Subregion { get; set; }

    /// <summary>Opaque version; the optimistic-concurrency token.</summary>
    public required string Etag { get; set; }

    public long CreateTimeMs { get; set; }

    public long UpdateTimeMs { get; set; }

    /// <summary>The resource as proto JSON (Google.Protobuf JsonFormatter).</summary>
    public required string Payload { get; set; }
}
