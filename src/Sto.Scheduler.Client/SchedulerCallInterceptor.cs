using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Sto.Scheduler.Client;

/// <summary>
/// Gives every call the bearer token and a deadline, and turns <see cref="RpcException"/> into
/// <see cref="SchedulerException"/> (for unary calls and while reading streams).
/// </summary>
internal sealed class SchedulerCallInterceptor(SchedulerClientOptions options, TimeProvider time) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        AsyncUnaryCall<TResponse> call;
        try
        {
            call = continuation(request, Prepare(context, options.DefaultDeadline));
        }
        catch (RpcException e)
        {
            throw SchedulerException.From(e);
        }

        return new AsyncUnaryCall<TResponse>(
            Translate(call.ResponseAsync), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        try
        {
            return continuation(request, Prepare(context, options.DefaultDeadline));
        }
        catch (RpcException e)
        {
            throw SchedulerException.From(e);
        }
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        AsyncServerStreamingCall<TResponse> call;
        try
        {
            call = continuation(request, Prepare(context, options.StreamDeadline));
        }
        catch (RpcException e)
        {
            throw SchedulerException.From(e);
        }

        return new AsyncServerStreamingCall<TResponse>(
            new TranslatingReader<TResponse>(call.ResponseStream), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    private ClientInterceptorContext<TRequest, TResponse> Prepare<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, TimeSpan defaultDeadline)
        where TRequest : class
        where TResponse : class
    {
        var callOptions = context.Options;
        if (callOptions.Deadline is null)
        {
            callOptions = callOptions.WithDeadline(time.GetUtcNow().UtcDateTime + defaultDeadline);
        }

        if (!string.IsNullOrEmpty(options.BearerToken)
            && callOptions.Headers?.Any(h => string.Equals(h.Key, "authorization", StringComparison.OrdinalIgnoreCase)) != true)
        {
            var headers = new Metadata();
            foreach (var entry in callOptions.Headers ?? [])
            {
                headers.Add(entry);
            }

            headers.Add("Authorization", $"Bearer {options.BearerToken}");
            callOptions = callOptions.WithHeaders(headers);
        }

        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, callOptions);
    }

    private static async Task<T> Translate<T>(Task<T> response)
    {
        try
        {
            return await response.ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            throw SchedulerException.From(e);
        }
    }

    private sealed class TranslatingReader<T>(IAsyncStreamReader<T> inner) : IAsyncStreamReader<T>
    {
        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            try
            {
                return await inner.MoveNext(cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException e)
            {
                throw SchedulerException.From(e);
            }
        }
    }
}
