using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Sto.Scheduler.Grpc.Errors;

namespace Sto.Scheduler.Grpc.Mapping;

/// <summary>
/// Generic handling of the resource conventions every message shares, driven by the descriptors and their
/// google.api.field_behavior annotations: name, etag, times, REQUIRED and OUTPUT_ONLY fields, update masks.
/// </summary>
public static class ProtoFields
{
    public static string GetString(IMessage message, string field) =>
        message.Descriptor.FindFieldByName(field)?.Accessor.GetValue(message) as string ?? "";

    public static void SetString(IMessage message, string field, string value) =>
        message.Descriptor.FindFieldByName(field)?.Accessor.SetValue(message, value);

    public static void SetTimestamp(IMessage message, string field, DateTimeOffset value) =>
        message.Descriptor.FindFieldByName(field)?.Accessor.SetValue(message, Timestamp.FromDateTimeOffset(value));

    /// <summary>Clears every OUTPUT_ONLY field (input from callers must not set them; AIP-203 says ignore).</summary>
    public static void ClearOutputOnly(IMessage message)
    {
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            if (Has(field, FieldBehavior.OutputOnly))
            {
                field.Accessor.Clear(message);
            }
        }
    }

    /// <summary>Adds a violation for every REQUIRED field left at its default, recursively, with proto paths.</summary>
    public static void CheckRequired(IMessage message, string path, FieldViolations violations)
    {
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            var fieldPath = $"{path}.{field.Name}";
            if (field.Name == "name" || Has(field, FieldBehavior.OutputOnly))
            {
                continue;
            }

            var value = field.Accessor.GetValue(message);
            if (Has(field, FieldBehavior.Required) && IsDefault(field, value))
            {
                violations.Add(fieldPath, "Required.");
                continue;
            }

            if (field.FieldType != FieldType.Message || IsWellKnown(field.MessageType))
            {
                continue;
            }

            if (field.IsRepeated && value is System.Collections.IList list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    CheckRequired((IMessage)list[i]!, $"{fieldPath}[{i}]", violations);
                }
            }
            else if (!field.IsRepeated && value is IMessage child)
            {
                CheckRequired(child, fieldPath, violations);
            }
        }
    }

    /// <summary>
    /// Applies <paramref name="patch"/> onto a copy of <paramref name="existing"/> along the mask (AIP-134):
    /// no mask = the fields the patch sets; "*" = every writable field. Unknown, output-only, identifier and
    /// immutable paths are reported as violations of update_mask.paths[i].
    /// </summary>
    public static T ApplyMask<T>(T existing, T patch, FieldMask? mask, FieldViolations violations)
        where T : IMessage<T>, new()
    {
        var descriptor = patch.Descriptor;
        var writable = descriptor.Fields.InDeclarationOrder()
            .Where(f => f.Name is not ("name" or "etag") && !Has(f, FieldBehavior.OutputOnly) && !Has(f, FieldBehavior.Immutable))
            .ToList();
        List<string> paths;
        if (mask is null || mask.Paths.Count == 0)
        {
            paths = writable.Where(f => !IsDefault(f, f.Accessor.GetValue(patch))).Select(f => f.Name).ToList();
        }
        else if (mask.Paths.Count == 1 && mask.Paths[0] == "*")
        {
            paths = writable.Select(f => f.Name).ToList();
        }
        else
        {
            paths = [];
            for (var i = 0; i < mask.Paths.Count; i++)
            {
                var top = mask.Paths[i].Split('.')[0];
                if (writable.Any(f => f.Name == top))
                {
                    paths.Add(mask.Paths[i]);
                }
                else
                {
                    violations.Add($"update_mask.paths[{i}]", descriptor.FindFieldByName(top) is null
                        ? $"'{mask.Paths[i]}' is not a field of {descriptor.Name}."
                        : $"'{mask.Paths[i]}' cannot be updated.");
                }
            }
        }

        var merged = existing.Clone();
        new FieldMask { Paths = { paths } }.Merge(patch, merged,
            new FieldMask.MergeOptions { ReplaceMessageFields = true, ReplaceRepeatedFields = true, ReplacePrimitiveFields = true });
        return merged;
    }

    private static bool Has(FieldDescriptor field, FieldBehavior behavior)
    {
        var behaviors = field.GetOptions()?.GetExtension(FieldBehaviorExtensions.FieldBehavior);
        return behaviors is not null && behaviors.Contains(behavior);
    }

    private static bool IsDefault(FieldDescriptor field, object? value) => value switch
    {
        null => true,
        System.Collections.IList list => list.Count == 0,
        string s => s.Length == 0,
        bool b => !b,
        int i => i == 0,
        long l => l == 0,
        double d => d == 0,
        float f => f == 0,
        System.Enum e => Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture) == 0,
        ByteString bytes => bytes.IsEmpty,
        _ => field.FieldType == FieldType.Message && value is null,
    };

    private static bool IsWellKnown(MessageDescriptor type) =>
        type.File.Package is "google.protobuf" or "google.type";
}
