namespace ImageRules.Policy;

/// <summary>
/// A named domain failure: why an operation was refused, with the provider's stable error <see cref="Code"/> so a
/// service built on this library can answer exactly as the provider's API does.
/// </summary>
/// <remarks>
/// One sealed record in <see cref="Failures"/> per distinct provider outcome; each type's documentation names the
/// rules of <c>docs/rules.md</c> that raise it. Match on the type for behaviour and on <see cref="Code"/> for the
/// wire. Equality compares the structured fields (ids, states, limits), never wording. Messages are derived from
/// those fields when read: one lowercase line without a final period, user input in backticks.
/// </remarks>
public abstract record Failure
{
    /// <summary>Sets the provider's code; only this library's failures derive from this type.</summary>
    private protected Failure(string code) => Code = code;

    /// <summary>The provider's error code, such as <c>InvalidImageId.NotFound</c>. Stable across versions.</summary>
    public string Code { get; }

    /// <summary>A one-line, lowercase explanation naming the offending value.</summary>
    public string Message => Describe();

    /// <summary>The <see cref="Message"/>, worded by each failure from its fields (not public API: one member here, not one per failure).</summary>
    private protected abstract string Describe();

    /// <summary><c>Code: message</c>.</summary>
    public sealed override string ToString() => $"{Code}: {Message}";
}
