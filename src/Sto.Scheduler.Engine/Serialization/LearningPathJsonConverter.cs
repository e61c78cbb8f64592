using System.Text.Json;
using System.Text.Json.Serialization;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Serialization;

/// <summary>Writes a <see cref="LearningPath"/> as its wire code (bb, kb, gl, tl, nl); reads those codes.</summary>
internal sealed class LearningPathJsonConverter : JsonConverter<LearningPath>
{
    public override bool HandleNull => true;

    public override LearningPath Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = JsonText.ReadString(reader, "a learning path code (bb, kb, gl, tl or nl)");
        return LearningPathCodes.TryParse(text, out var path)
            ? path
            : throw new JsonException($"'{text}' is not a learning path code (bb, kb, gl, tl or nl)");
    }

    public override void Write(Utf8JsonWriter writer, LearningPath value, JsonSerializerOptions options)
    {
        if (!Enum.IsDefined(value))
        {
            throw new JsonException($"{(int)value} is not a learning path");
        }

        writer.WriteStringValue(value.ToCode());
    }
}
