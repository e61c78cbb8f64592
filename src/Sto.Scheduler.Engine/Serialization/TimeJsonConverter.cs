using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sto.Scheduler.Engine.Serialization;

/// <summary>Writes and reads a <see cref="TimeOnly"/> as 24-hour "HH:mm", e.g. "13:30".</summary>
internal sealed class TimeJsonConverter : JsonConverter<TimeOnly>
{
    private const string Format = "HH:mm";

    public override bool HandleNull => true;

    public override TimeOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = JsonText.ReadString(reader, "a time like 13:30");
        return TimeOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new JsonException($"'{text}' is not a time like 13:30 (24-hour HH:mm)");
    }

    public override void Write(Utf8JsonWriter writer, TimeOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(Format, CultureInfo.InvariantCulture));
}
