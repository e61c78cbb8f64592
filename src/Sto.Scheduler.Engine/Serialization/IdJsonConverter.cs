using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sto.Scheduler.Engine.Serialization;

/// <summary>Writes and reads an id record struct (<c>SchoolId</c>, <c>OfferId</c> …) as a plain JSON string.</summary>
internal sealed class IdJsonConverter<TId>(Func<string, TId> create, Func<TId, string?> text) : JsonConverter<TId>
    where TId : struct
{
    public override bool HandleNull => true;

    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        create(JsonText.ReadString(reader, "an id string"));

    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(text(value) ?? "");
}
