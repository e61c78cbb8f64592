using Google.Rpc;
using Grpc.Core;

namespace Sto.Scheduler.Grpc.Tests.Support;

/// <summary>Assertions on gRPC failures and their google.rpc.Status details.</summary>
public static class RpcAssert
{
    public static async Task<RpcException> FailsWith(StatusCode code, Func<Task> call)
    {
        var exception = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, exception.StatusCode);
        return exception;
    }

    public static Task<RpcException> FailsWith<T>(StatusCode code, AsyncUnaryCall<T> call) => FailsWith(code, async () => await call);

    /// <summary>The BadRequest field paths of an INVALID_ARGUMENT.</summary>
    public static IReadOnlyList<string> Fields(RpcException exception) =>
        exception.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];

    /// <summary>The BadRequest violations of an INVALID_ARGUMENT: field path → description (joined when a field repeats).</summary>
    public static IReadOnlyDictionary<string, string> Violations(RpcException exception) =>
        (exception.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations ?? [])
            .GroupBy(v => v.Field)
            .ToDictionary(g => g.Key, g => string.Join(" | ", g.Select(v => v.Description)));

    public static string? Reason(RpcException exception) => exception.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason;
}
