using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sto.Scheduler.Engine.Serialization;

/// <summary>
/// Writes an enum member as its camelCase name ("companyHotspot"); reads exactly those names, case-insensitively,
/// and rejects numbers and unknown names with a message that lists the allowed values.
/// </summary>
internal sealed class CamelCaseEnumJsonConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private readonly FrozenDictionary<string, TEnum> _byName;
    private readonly FrozenDictionary<TEnum, string> _names;
    private readonly string _allowed;

    public CamelCaseEnumJsonConverter()
    {
        var values = Enum.GetValues<TEnum>();
        _names = values.ToFrozenDictionary(v => v, v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()));
        _byName = values.ToFrozenDictionary(v => _names[v], v => v, StringComparer.OrdinalIgnoreCase);
        _allowed = string.Join(", ", values.Select(v => _names[v]));
    }

    public override bool HandleNull => true;

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = JsonText.ReadString(reader, $"one of {_allowed}");
        return _byName.TryGetValue(text, out var value)
            ? value
            : throw new JsonException($"'{text}' is not one of {_allowed}");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(_names.TryGetValue(value, out var name)
            ? name
            : throw new JsonException($"{value} is not one of {_allowed}"));
}

/// <summary>Creates a <see cref="CamelCaseEnumJsonConverter{TEnum}"/> for every enum type.</summary>
internal sealed class CamelCaseEnumJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        Activator.CreateInstance(typeof(CamelCaseEnumJsonConverter<>).MakeGenericType(typeToConvert)) as JsonConverter
        ?? throw new InvalidOperationException($"No converter for {typeToConvert}.");
}
