namespace Sto.Scheduler.Grpc.Diagnostics;

/// <summary>
/// Every log message of the server, source-generated. Event ids: 1000 hosting, 2000 services, 3000 jobs,
/// 4000 persistence, 5000 auth. Resource names only; never pupil data or request bodies.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Database ready ({Provider})", EventName = "DatabaseReady")]
    public static partial void DatabaseReady(ILogger logger, string provider);

    [LoggerMessage(1002, LogLevel.Information, "Demo subregion {Subregion} seeded", EventName = "DemoSeeded")]
    public static partial void DemoSeeded(ILogger logger, string subregion);

    [LoggerMessage(1003, LogLevel.Information, "Demo subregion {Subregion} already present; not seeded", EventName = "DemoPresent")]
    public static partial void DemoPresent(ILogger logger, string subregion);

    [LoggerMessage(2001, LogLevel.Error, "Unhandled exception in {Method}; correlation id {CorrelationId}", EventName = "UnhandledException")]
    public static partial void UnhandledException(ILogger logger, string method, string correlationId, Exception exception);

    [LoggerMessage(3001, LogLevel.Information, "Run {Run} claimed by {Worker} (attempt {Attempt})", EventName = "RunClaimed")]
    public static partial void RunClaimed(ILogger logger, string run, string worker, int attempt);

    [LoggerMessage(3002, LogLevel.Information, "Run {Run} finished: {State}, placed {Placed}/{Pupils}, gap {Gap}, {Seconds:F1} s", EventName = "RunFinished")]
    public static partial void RunFinished(ILogger logger, string run, string state, int placed, int pupils, double gap, double seconds);

    [LoggerMessage(3003, LogLevel.Warning, "Run {Run} input invalid: {IssueCount} issues", EventName = "RunInvalid")]
    public static partial void RunInvalid(ILogger logger, string run, int issueCount);

    [LoggerMessage(3004, LogLevel.Error, "Run {Run} failed", EventName = "RunFailed")]
    public static partial void RunFailed(ILogger logger, string run, Exception exception);

    [LoggerMessage(3005, LogLevel.Information, "Run {Run} released for another attempt (shutdown)", EventName = "RunReleased")]
    public static partial void RunReleased(ILogger logger, string run);

    [LoggerMessage(3008, LogLevel.Information, "Run {Run} continues from the {Placements} placements its interrupted attempt left", EventName = "RunResumed")]
    public static partial void RunResumed(ILogger logger, string run, int placements);

    [LoggerMessage(3006, LogLevel.Warning, "Run {Run} lost its lease; result discarded", EventName = "RunLeaseLost")]
    public static partial void RunLeaseLost(ILogger logger, string run);

    [LoggerMessage(3007, LogLevel.Error, "Allocation worker loop failed; retrying", EventName = "WorkerLoopFailed")]
    public static partial void WorkerLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(4001, LogLevel.Warning, "Storage failed in {Method}", EventName = "StorageFailed")]
    public static partial void StorageFailed(ILogger logger, string method, Exception exception);
}
