using Grpc.Core;

namespace Sto.Scheduler.Client.Cli;

/// <summary>The exit codes of <c>sto</c>; scripts may rely on them.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Usage = 1;
    public const int InvalidInput = 2;
    public const int NotFound = 3;
    public const int FailedPrecondition = 4;
    public const int Unavailable = 5;
    public const int PermissionDenied = 6;
    public const int Other = 7;

    public static int For(StatusCode code) => code switch
    {
        StatusCode.OK => Ok,
        StatusCode.InvalidArgument or StatusCode.OutOfRange => InvalidInput,
        StatusCode.NotFound => NotFound,
        StatusCode.FailedPrecondition or StatusCode.Aborted or StatusCode.AlreadyExists => FailedPrecondition,
        StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted => Unavailable,
        StatusCode.PermissionDenied or StatusCode.Unauthenticated => PermissionDenied,
        _ => Other,
    };
}
