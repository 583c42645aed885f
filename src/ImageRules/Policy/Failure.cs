namespace ImageRules.Policy;

/// <summary>
/// A named domain failure: why an operation was refused, with the provider's stable error <see cref="Code"/> so a
/// service built on this library can answer exactly as the provider's API does.
/// </summary>
/// <remarks>
/// One sealed class in <see cref="Failures"/> per distinct provider outcome; each type's documentation names the
/// rules of <c>docs/rules.md</c> that raise it. Match on the type for behaviour and on <see cref="Code"/> for the
/// wire. Failures are values: two are equal when they are of one type with equal structured fields (ids, states,
/// limits), never by wording. Messages are derived from those fields when read: one lowercase line without a final
/// period, user input in backticks. (Classes, not records: equality is written once here rather than generated into
/// the public surface of every failure, and a failure has nothing to copy <c>with</c>.)
/// </remarks>
public abstract class Failure : IEquatable<Failure>
{
    /// <summary>Sets the provider's code; only this library's failures derive from this type.</summary>
    private protected Failure(string code) => Code = code;

    /// <summary>The provider's error code, such as <c>InvalidImageId.NotFound</c>. Stable across versions.</summary>
    public string Code { get; }

    /// <summary>A one-line, lowercase explanation naming the offending value.</summary>
    public string Message => Describe();

    /// <summary>The <see cref="Message"/>, worded by each failure from its fields (not public API: one member here, not one per failure).</summary>
    private protected abstract string Describe();

    /// <summary>The structured fields that equality compares: one value, or a tuple of them.</summary>
    private protected abstract object? Fields { get; }

    /// <summary><c>Code: message</c>.</summary>
    public sealed override string ToString() => $"{Code}: {Message}";

    /// <summary>True when <paramref name="other"/> is the same failure: same type, equal structured fields.</summary>
    public bool Equals(Failure? other) =>
        ReferenceEquals(this, other) || (other is not null && other.GetType() == GetType() && Equals(Fields, other.Fields));

    /// <inheritdoc/>
    public sealed override bool Equals(object? obj) => Equals(obj as Failure);

    /// <inheritdoc/>
    public sealed override int GetHashCode() => HashCode.Combine(GetType(), Fields);

    /// <summary>Value equality, as <see cref="Equals(Failure)"/>.</summary>
    public static bool operator ==(Failure? left, Failure? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality, as <see cref="Equals(Failure)"/>.</summary>
    public static bool operator !=(Failure? left, Failure? right) => !(left == right);
}
