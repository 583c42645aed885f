namespace ImageRules.Policy;

/// <summary>
/// A named domain failure: why an operation was refused, with the provider's stable error <see cref="Code"/> so a
/// service built on this library can answer exactly as the provider's API does.
/// </summary>
/// <remarks>
/// Every concrete failure is a sealed record in <see cref="Failures"/>; match on the type for behaviour and on
/// <see cref="Code"/> for the wire. Messages are one lowercase line without a final period, with user input in
/// backticks; they are built only when read, so refusing costs no string formatting.
/// </remarks>
public abstract record Failure
{
    /// <summary>The provider's error code, such as <c>InvalidImageId.NotFound</c>. Stable across versions.</summary>
    public abstract string Code { get; }

    /// <summary>The rule of RULES.md that refused the operation, such as <c>R11</c>.</summary>
    public abstract string Rule { get; }

    /// <summary>A one-line, lowercase explanation naming the offending value.</summary>
    public abstract string Message { get; }

    /// <summary><c>Code: message</c>.</summary>
    public sealed override string ToString() => $"{Code}: {Message}";
}
