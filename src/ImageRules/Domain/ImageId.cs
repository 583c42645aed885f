using ImageRules.Policy;
using ImageRules.Policy.Failures;

namespace ImageRules.Domain;

/// <summary>
/// An image id: <c>img-</c> followed by 8 lowercase letters or digits, for example <c>img-eb30mz89</c> (R7).
/// </summary>
/// <remarks>
/// Values are validated once, when made; everything after trusts them. Equality is ordinal.
/// <c>default(ImageId)</c> is not a valid id and is never produced by this library.
/// </remarks>
public readonly record struct ImageId
{
    private const string Prefix = "img-";

    /// <summary>Makes an id from trusted text (a literal or a value read back from storage).</summary>
    /// <exception cref="ArgumentException">The text is malformed: that is a programmer error. Parse user input with <see cref="Parse"/>.</exception>
    public ImageId(string value)
    {
        Value = IsWellFormed(value) ? value : throw new ArgumentException($"image id {IdSyntax.Quote(value)} is malformed", nameof(value));
    }

    /// <summary>The id's text.</summary>
    public string Value { get; }

    /// <summary>True when <paramref name="text"/> is <c>img-</c> followed by 8 lowercase letters or digits.</summary>
    public static bool IsWellFormed(string? text) => IdSyntax.IsPrefixedSuffix8(text, Prefix);

    /// <summary>Parses user input; a malformed id is the failure <see cref="MalformedImageId"/> (R7), never an exception.</summary>
    public static Result<ImageId> Parse(string? text) =>
        IsWellFormed(text) ? new ImageId(text!) : new MalformedImageId(text);

    /// <inheritdoc/>
    public override string ToString() => Value ?? string.Empty;
}
