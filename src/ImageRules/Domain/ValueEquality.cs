using System.Collections.Immutable;

namespace ImageRules.Domain;

/// <summary>
/// Item-by-item equality of the immutable collections records hold, so such records compare by value as every other
/// record of the library does. A default (never made) array equals only another default one.
/// </summary>
internal static class ValueEquality
{
    /// <summary>True when both arrays are default, or hold equal items in the same order.</summary>
    public static bool Items<T>(ImmutableArray<T> a, ImmutableArray<T> b) =>
        a.IsDefault || b.IsDefault ? a.IsDefault == b.IsDefault : a.AsSpan().SequenceEqual(b.AsSpan());

    /// <summary>True when both are null, or both hold equal items in the same order.</summary>
    public static bool Items<T>(ImmutableArray<T>? a, ImmutableArray<T>? b) =>
        a is { } x ? b is { } y && Items(x, y) : b is null;

    /// <summary>True when both dictionaries hold equal values under the same keys.</summary>
    public static bool Entries<TKey, TValue>(ImmutableDictionary<TKey, TValue> a, ImmutableDictionary<TKey, TValue> b)
        where TKey : notnull =>
        ReferenceEquals(a, b) || (a.Count == b.Count && a.All(entry => b.TryGetValue(entry.Key, out var value) && EqualityComparer<TValue>.Default.Equals(entry.Value, value)));

    /// <summary>A hash of an array consistent with <see cref="Items{T}(ImmutableArray{T}, ImmutableArray{T})"/>: its length.</summary>
    public static int Hash<T>(ImmutableArray<T> items) => items.IsDefault ? -1 : items.Length;
}
