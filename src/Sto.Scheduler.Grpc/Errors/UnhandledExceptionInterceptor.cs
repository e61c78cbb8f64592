using System.Data.Common;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Sto.Scheduler.Grpc.Diagnostics;
using Sto.Scheduler.Grpc.Persistence;

namespace Sto.Scheduler.Grpc.Errors;

/// <summary>Turns store exceptions into their status and anything unexpected into INTERNAL without internals.</summary>
public sealed class UnhandledExceptionInterceptor(ILogger<UnhandledExceptionInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (Translate(exception, context) is { } translated)
        {
            throw translated;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (Translate(exception, context) is { } translated)
        {
            throw translated;
        }
    }

    private RpcException? Translate(Exception exception, ServerCallContext context)
    {
        switch (exception)
        {
            case RpcException:
                return null;
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return null;
            case ResourceAlreadyExistsException e:
                return RpcErrors.AlreadyExists(e.ResourceName);
            case EtagMismatchException e:
                return RpcErrors.EtagMismatch(e.ResourceName);
            case DbException e:
                Log.StorageFailed(logger, context.Method, e);
                return RpcErrors.Unavailable("The storage is not reachable; retry later.");
            default:
                var correlationId = Guid.NewGuid().ToString("N");
                Log.UnhandledException(logger, context.Method, correlationId, exception);
                return RpcErrors.Internal(correlationId);
        }
    }
}
