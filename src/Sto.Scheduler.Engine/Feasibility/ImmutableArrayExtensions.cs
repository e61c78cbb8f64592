using System.Collections.Immutable;

namespace Sto.Scheduler.Engine.Feasibility;

/// <summary>Tolerates default (uninitialised) immutable arrays, which deserialised input may contain.</summary>
public static class ImmutableArrayExtensions
{
    /// <summary>The array, or an empty one when it is default.</summary>
    public static ImmutableArray<T> NullToEmpty<T>(this ImmutableArray<T> array) => array.IsDefault ? [] : array;
}
