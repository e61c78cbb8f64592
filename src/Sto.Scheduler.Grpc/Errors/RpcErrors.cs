using System.Collections.Immutable;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Sto.Scheduler.Engine.Validation;
using Status = Google.Rpc.Status;

namespace Sto.Scheduler.Grpc.Errors;

/// <summary>
/// The only place that creates <see cref="RpcException"/>s: google.rpc.Status with exactly one ErrorInfo
/// (domain scheduler.sto) plus BadRequest / ResourceInfo / PreconditionFailure (STYLE §2.7, AIP-193).
/// </summary>
public static class RpcErrors
{
    public const string Domain = "scheduler.sto";

    public static RpcException InvalidFields(IReadOnlyList<BadRequest.Types.FieldViolation> violations, string reason)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(violations);
        var first = violations[0];
        var message = violations.Count == 1
            ? $"{first.Field}: {first.Description}"
            : $"{first.Field}: {first.Description} (and {violations.Count - 1} more)";
        return Build(Code.InvalidArgument, message, reason, Any.Pack(badRequest));
    }

    /// <summary>INVALID_ARGUMENT (VALIDATION_FAILED) for Engine validation issues, paths prefixed with the field.</summary>
    public static RpcException ValidationFailed(ImmutableArray<ValidationIssue> issues, string field)
    {
        var violations = issues
            .Select(i => new BadRequest.Types.FieldViolation
            {
                Field = string.IsNullOrEmpty(field) ? i.Path : string.IsNullOrEmpty(i.Path) ? field : $"{field}.{i.Path}",
                Description = $"{i.Message} [{i.Code}]",
            })
            .ToList();
        return InvalidFields(violations, ErrorReasons.ValidationFailed);
    }

    /// <summary>The google.rpc.Status for Engine validation issues, for storing on a failed run.</summary>
    public static Status ValidationStatus(ImmutableArray<ValidationIssue> issues) =>
        ValidationFailed(issues, "").GetRpcStatus() ?? new Status { Code = (int)Code.InvalidArgument };

    public static void ThrowIfInvalid(ImmutableArray<ValidationIssue> issues, string field)
    {
        if (!issues.IsDefaultOrEmpty)
        {
            throw ValidationFailed(issues, field);
        }
    }

    public static RpcException NotFound(string name, string resourceType) =>
        Build(Code.NotFound, $"Resource '{name}' was not found.", ErrorReasons.ResourceNotFound,
            Any.Pack(new ResourceInfo { ResourceName = name, ResourceType = resourceType }));

    public static RpcException AlreadyExists(string name) =>
        Build(Code.AlreadyExists, $"Resource '{name}' already exists.", ErrorReasons.ResourceAlreadyExists,
            Any.Pack(new ResourceInfo { ResourceName = name }));

    public static RpcException EtagMismatch(string name) =>
        Build(Code.Aborted, $"The etag of '{name}' is not the current one; read it again and retry.",
            ErrorReasons.EtagMismatch);

    /// <summary>PERMISSION_DENIED that never reveals whether the resource exists (AIP-211).</summary>
    public static RpcException PermissionDenied(string resource) =>
        Build(Code.PermissionDenied,
            $"Permission denied on resource '{resource}' (or it might not exist).",
            ErrorReasons.ScopeDenied);

    public static RpcException SubmissionClosed(string subregion, DateTimeOffset deadline)
    {
        var text = deadline.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var failure = new PreconditionFailure();
        failure.Violations.Add(new PreconditionFailure.Types.Violation
        {
            Type = "SUBMISSION_DEADLINE",
            Subject = subregion,
            Description = $"The submission deadline {text} has passed.",
        });
        return Build(Code.FailedPrecondition,
            $"Submissions for '{subregion}' closed at the submission deadline {text}; ask a planner.",
            ErrorReasons.SubmissionClosed, Any.Pack(failure), ("deadline", text));
    }

    public static RpcException FailedPrecondition(string subject, string reason, string message)
    {
        var failure = new PreconditionFailure();
        failure.Violations.Add(new PreconditionFailure.Types.Violation { Type = reason, Subject = subject, Description = message });
        return Build(Code.FailedPrecondition, message, reason, Any.Pack(failure));
    }

    public static RpcException Unavailable(string message) =>
        Build(Code.Unavailable, message, ErrorReasons.StorageUnavailable,
            Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)) }));

    public static RpcException Internal(string correlationId) =>
        Build(Code.Internal, $"An internal error occurred (correlation id {correlationId}).", ErrorReasons.InternalError,
            null, ("correlation_id", correlationId));

    /// <summary>The status written by the rate limiter (RESOURCE_EXHAUSTED + RetryInfo).</summary>
    public static Status RateLimitedStatus(TimeSpan retryAfter) => new()
    {
        Code = (int)Code.ResourceExhausted,
        Message = "Too many requests; retry later.",
        Details =
        {
            Any.Pack(new ErrorInfo { Reason = ErrorReasons.RateLimited, Domain = Domain }),
            Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) }),
        },
    };

    private static RpcException Build(
        Code code, string message, string reason, Any? detail = null, params (string Key, string Value)[] metadata)
    {
        var info = new ErrorInfo { Reason = reason, Domain = Domain };
        foreach (var (key, value) in metadata)
        {
            info.Metadata[key] = value;
        }

        var status = new Status { Code = (int)code, Message = message, Details = { Any.Pack(info) } };
        if (detail is not null)
        {
            status.Details.Add(detail);
        }

        return status.ToRpcException();
    }
}
