using System.Text.Json;
using System.Text.Json.Serialization;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Serialization;

/// <summary>Writes and reads a <see cref="Week"/> as an ISO week string, e.g. "2026-W14".</summary>
internal sealed class WeekJsonConverter : JsonConverter<Week>
{
    public override bool HandleNull => true;

    public override Week Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = JsonText.ReadString(reader, "an ISO week like 2026-W14");
        return Week.TryParse(text, out var week)
            ? week
            : throw new JsonException($"'{text}' is not an ISO week like 2026-W14");
    }

    public override void Write(Utf8JsonWriter writer, Week value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
