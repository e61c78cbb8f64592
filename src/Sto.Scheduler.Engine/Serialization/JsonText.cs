using System.Text.Json;

namespace Sto.Scheduler.Engine.Serialization;

/// <summary>Reads the string token the custom converters expect, or fails with what was expected.</summary>
internal static class JsonText
{
    public static string ReadString(Utf8JsonReader reader, string expected)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"expected {expected}, found {Describe(reader.TokenType)}");
        }

        return reader.GetString() ?? "";
    }

    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.Null => "null",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "true/false",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        JsonTokenType.String => "a string",
        _ => token.ToString(),
    };
}
