using Grpc.Core;
using Grpc.Reflection.V1;
using Sto.Scheduler.Grpc.Tests.Support;

namespace Sto.Scheduler.Grpc.Tests.Interop;

/// <summary>
/// api.md F10: reflection also serves the google.rpc error detail files, so reflection clients (buf curl, grpcurl)
/// can print the ErrorInfo/BadRequest packed into errors and into AllocationRun.error.
/// </summary>
public sealed class ReflectionTests
{
    [Theory]
    [InlineData("google.rpc.BadRequest", "google/rpc/error_details.proto")]
    [InlineData("google.rpc.ErrorInfo", "google/rpc/error_details.proto")]
    [InlineData("google.rpc.Status", "google/rpc/status.proto")]
    [InlineData("sto.scheduler.v1.ElectiveOfferService", "sto/scheduler/v1/elective_offer_service.proto")]
    public async Task Reflection_resolves_the_error_detail_types(string symbol, string file)
    {
        await using var app = new SchedulerAppFactory();
        var client = new ServerReflection.ServerReflectionClient(app.Channel);

        var response = await AskAsync(client, new ServerReflectionRequest { FileContainingSymbol = symbol });

        Assert.Equal(ServerReflectionResponse.MessageResponseOneofCase.FileDescriptorResponse, response.MessageResponseCase);
        var names = response.FileDescriptorResponse.FileDescriptorProto
            .Select(bytes => Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom(bytes).Name);
        Assert.Contains(file, names);
    }

    [Fact]
    public async Task Reflection_still_lists_the_services()
    {
        await using var app = new SchedulerAppFactory();
        var client = new ServerReflection.ServerReflectionClient(app.Channel);

        var response = await AskAsync(client, new ServerReflectionRequest { ListServices = "" });

        var services = response.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("sto.scheduler.v1.AllocationService", services);
        Assert.Contains("grpc.health.v1.Health", services);
        Assert.Equal(11, services.Count);
    }

    private static async Task<ServerReflectionResponse> AskAsync(ServerReflection.ServerReflectionClient client, ServerReflectionRequest request)
    {
        using var call = client.ServerReflectionInfo(deadline: DateTime.UtcNow.AddSeconds(10));
        await call.RequestStream.WriteAsync(request);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        return call.ResponseStream.Current;
    }
}
