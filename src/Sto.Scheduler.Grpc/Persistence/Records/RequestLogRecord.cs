namespace Sto.Scheduler.Grpc.Persistence.Records;

/// <summary>A create request already served (AIP-155): the same key returns the same resource.</summary>
public sealed class RequestLogRecord
{
    /// <summary>"{subject}|{method}|{request_id}".</summary>
    public required string Key { get; set; }

    public required string ResourceName { get; set; }

    public long CreateTimeMs { get; set; }
}
