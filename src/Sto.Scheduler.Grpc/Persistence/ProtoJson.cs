using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;

namespace Sto.Scheduler.Grpc.Persistence;

/// <summary>The storage format of messages: proto JSON, tolerant of fields added later.</summary>
public static class ProtoJson
{
    private static readonly TypeRegistry Registry = TypeRegistry.FromMessages(
        ErrorInfo.Descriptor, BadRequest.Descriptor, PreconditionFailure.Descriptor, ResourceInfo.Descriptor);

    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithTypeRegistry(Registry));

    private static readonly JsonParser Parser = new(
        JsonParser.Settings.Default.WithTypeRegistry(Registry).WithIgnoreUnknownFields(true));

    public static string Write(IMessage message) => Formatter.Format(message);

    public static T Read<T>(string json)
        where T : IMessage<T>, new() => Parser.Parse<T>(json);
}
