using Google.Rpc;
using Grpc.Core;

namespace Sto.Scheduler.Client;

/// <summary>
/// A failed call to the STO Scheduler service, read from its <c>google.rpc.Status</c>: the status code, the
/// <c>ErrorInfo</c> reason (for example <c>VALIDATION_FAILED</c>) and every <c>BadRequest</c> field violation.
/// The only exception callers of <see cref="SchedulerClient"/> need to catch.
/// </summary>
public sealed class SchedulerException : Exception
{
    /// <summary>Creates the exception from the parts of a status.</summary>
    public SchedulerException(
        StatusCode statusCode,
        string message,
        string? reason = null,
        IReadOnlyList<SchedulerFieldViolation>? fieldViolations = null,
        IReadOnlyDictionary<string, string>? metadata = null,
        string? resourceName = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Reason = reason;
        FieldViolations = fieldViolations ?? [];
        Metadata = metadata ?? new Dictionary<string, string>();
        ResourceName = resourceName;
    }

    /// <summary>The gRPC status code, for example <see cref="StatusCode.InvalidArgument"/>.</summary>
    public StatusCode StatusCode { get; }

    /// <summary>The <c>ErrorInfo.reason</c> (UPPER_SNAKE, see <c>error_reason.proto</c>), or <c>null</c> when the server sent none.</summary>
    public string? Reason { get; }

    /// <summary>Every field violation of the <c>BadRequest</c> detail; empty when there is none.</summary>
    public IReadOnlyList<SchedulerFieldViolation> FieldViolations { get; }

    /// <summary>The <c>ErrorInfo.metadata</c>, for example <c>deadline</c> for <c>SUBMISSION_CLOSED</c>.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The resource named by a <c>ResourceInfo</c> detail (NOT_FOUND, ALREADY_EXISTS), if any.</summary>
    public string? ResourceName { get; }

    /// <summary>Reads the <c>google.rpc.Status</c> details of <paramref name="exception"/>.</summary>
    public static SchedulerException From(RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var status = exception.GetRpcStatus();
        var info = status?.GetDetail<ErrorInfo>();
        var badRequest = status?.GetDetail<BadRequest>();
        var resource = status?.GetDetail<ResourceInfo>();
        var message = status?.Message is { Length: > 0 } text ? text : exception.Status.Detail;
        if (string.IsNullOrEmpty(message))
        {
            message = exception.StatusCode.ToString();
        }

        return new SchedulerException(
            exception.StatusCode,
            message,
            info?.Reason is { Length: > 0 } reason ? reason : null,
            badRequest?.FieldViolations.Select(v => new SchedulerFieldViolation(v.Field, v.Description)).ToList(),
            info?.Metadata.ToDictionary(m => m.Key, m => m.Value),
            resource?.ResourceName is { Length: > 0 } name ? name : null,
            exception);
    }
}
