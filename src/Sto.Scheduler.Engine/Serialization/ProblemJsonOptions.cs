using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Serialization;

/// <summary>The one <see cref="JsonSerializerOptions"/> of the instance format (docs/instance-format.md).</summary>
internal static class ProblemJsonOptions
{
    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            NewLine = "\n",
            IndentSize = 2,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            AllowDuplicateProperties = false,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            NumberHandling = JsonNumberHandling.Strict,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WritableMembersOnly, DefaultArraysAsEmpty } },
        };
        options.Converters.Add(new WeekJsonConverter());
        options.Converters.Add(new TimeJsonConverter());
        options.Converters.Add(new LearningPathJsonConverter());
        options.Converters.Add(new CamelCaseEnumJsonConverterFactory());
        options.Converters.Add(new IdJsonConverter<SchoolId>(v => new SchoolId(v), id => id.Value));
        options.Converters.Add(new IdJsonConverter<VenueId>(v => new VenueId(v), id => id.Value));
        options.Converters.Add(new IdJsonConverter<OfferId>(v => new OfferId(v), id => id.Value));
        options.Converters.Add(new IdJsonConverter<PupilId>(v => new PupilId(v), id => id.Value));
        options.Converters.Add(new IdJsonConverter<StaffId>(v => new StaffId(v), id => id.Value));
        options.Converters.Add(new IdJsonConverter<KitId>(v => new KitId(v), id => id.Value));
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// Computed members (<c>TotalSeats</c>, <c>EffectivePaths</c>, <c>IsValid</c> …) are neither written nor
    /// accepted: the file holds facts, the engine derives the rest.
    /// </summary>
    private static void WritableMembersOnly(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            if (typeInfo.Properties[i].Set is null)
            {
                typeInfo.Properties.RemoveAt(i);
            }
        }
    }

    /// <summary>
    /// Immutable-array members: a default (uninitialised) array is written as [] instead of failing, and a list
    /// read with a null entry is rejected (the domain's lists never hold null).
    /// </summary>
    private static void DefaultArraysAsEmpty(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var checks = new List<Action<object>>();
        foreach (var property in typeInfo.Properties)
        {
            var type = property.PropertyType;
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(ImmutableArray<>) || property.Get is not { } get)
            {
                continue;
            }

            var element = type.GetGenericArguments()[0];
            property.Get = Invoke<Func<object, object?>>(nameof(EmptyWhenDefault), element, get);
            if (!element.IsValueType)
            {
                checks.Add(Invoke<Action<object>>(nameof(RejectNullEntries), element, get, property.Name));
            }
        }

        if (checks.Count > 0)
        {
            var previous = typeInfo.OnDeserialized;
            typeInfo.OnDeserialized = owner =>
            {
                previous?.Invoke(owner);
                foreach (var check in checks)
                {
                    check(owner);
                }
            };
        }
    }

    private static TDelegate Invoke<TDelegate>(string method, Type element, params object[] arguments)
        where TDelegate : Delegate =>
        typeof(ProblemJsonOptions)
            .GetMethod(method, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)?
            .MakeGenericMethod(element)
            .Invoke(null, arguments) as TDelegate
        ?? throw new InvalidOperationException($"{method} is missing.");

    private static Func<object, object?> EmptyWhenDefault<T>(Func<object, object?> get) =>
        owner => get(owner) is ImmutableArray<T> { IsDefault: true } ? ImmutableArray<T>.Empty : get(owner);

    private static Action<object> RejectNullEntries<T>(Func<object, object?> get, string name) =>
        owner =>
        {
            if (get(owner) is ImmutableArray<T> { IsDefault: false } items)
            {
                for (var at = 0; at < items.Length; at++)
                {
                    if (items[at] is null)
                    {
                        throw new JsonException($"'{name}[{at}]' is null; remove it from the list");
                    }
                }
            }
        };
}
