namespace Sto.Scheduler.Grpc.Errors;

/// <summary>ErrorInfo.reason values; the mirror of protos' ErrorReason without its prefix.</summary>
public static class ErrorReasons
{
    public const string InvalidField = "INVALID_FIELD";
    public const string ValidationFailed = "VALIDATION_FAILED";
    public const string ResourceNotFound = "RESOURCE_NOT_FOUND";
    public const string ResourceAlreadyExists = "RESOURCE_ALREADY_EXISTS";
    public const string EtagMismatch = "ETAG_MISMATCH";
    public const string SubmissionClosed = "SUBMISSION_CLOSED";
    public const string RunNotSucceeded = "RUN_NOT_SUCCEEDED";
    public const string RunFinished = "RUN_FINISHED";
    public const string NothingPublished = "NOTHING_PUBLISHED";
    public const string RunNotPublished = "RUN_NOT_PUBLISHED";
    public const string NotAReplan = "NOT_A_REPLAN";
    public const string ScopeDenied = "SCOPE_DENIED";
    public const string StorageUnavailable = "STORAGE_UNAVAILABLE";
    public const string RateLimited = "RATE_LIMITED";
    public const string InternalError = "INTERNAL_ERROR";
}
