
namespace ImageRules.Domain;

/// <summary>
/// An image id: <c>img-</c> followed by 8 lowercase letters or digits, for example <c>img-eb30mz89</c> (R7).
/// </summary>
/// <remarks>
/// Values are validated once, when made; everything after trusts them. Equality is ordinal.
/// <c>default(ImageId)</c> is not a valid id and is never produced by this library.
/// </remarks>
public readonly record struct ImageId : ISpanParsable<ImageId>
{
    private const string Prefix = "img-";

    private readonly int hash;

    /// <summary>Makes an id from trusted text (a literal or a value read back from storage).</summary>
    /// <exception cref="ArgumentException">The text is malformed: that is a programmer error. Parse user input with <see cref="TryParse(string?, out ImageId)"/>.</exception>
    public ImageId(string value)
    {
        Value = IsWellFormed(value) ? value : throw new ArgumentException($"image id {IdSyntax.Quote(value)} is malformed", nameof(value));
        hash = value.GetHashCode(StringComparison.Ordinal);
    }

    /// <summary>The id's text.</summary>
    public string Value { get; }

    /// <summary>Ordinal equality of the text; ids with different hashes differ without comparing text.</summary>
    public bool Equals(ImageId other) => hash == other.hash && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <summary>The text's hash (randomized per process, as strings' are), computed once when the id is made: ids key the stores' lookups.</summary>
    public override int GetHashCode() => hash;

    /// <summary>True when <paramref name="text"/> is <c>img-</c> followed by 8 lowercase letters or digits.</summary>
    public static bool IsWellFormed(string? text) => IdSyntax.IsPrefixedSuffix8(text, Prefix);


    /// <summary>Parses trusted text (BCL convention).</summary>
    /// <exception cref="FormatException">The text is not an image id; user input goes through <see cref="TryParse(string?, out ImageId)"/> or <c>ImageRules.Policy.Ids</c>, which gives the provider's error code.</exception>
    public static ImageId Parse(string s) => Parse(s, null);

    /// <inheritdoc cref="Parse(string)"/>
    public static ImageId Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var id) ? id : throw new FormatException($"image id {IdSyntax.Quote(s)} is malformed");

    /// <inheritdoc cref="Parse(string)"/>
    public static ImageId Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s.ToString(), provider);

    /// <summary>Parses text, returning false for text that is not an image id.</summary>
    public static bool TryParse(string? s, out ImageId result) => TryParse(s, null, out result);

    /// <summary>Parses text, returning false for text that is not an image id.</summary>
    public static bool TryParse(string? s, IFormatProvider? provider, out ImageId result)
    {
        result = IsWellFormed(s) ? new ImageId(s!) : default;
        return IsWellFormed(s);
    }

    /// <summary>Parses text, returning false for text that is not an image id.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out ImageId result) => TryParse(s.ToString(), provider, out result);

    /// <inheritdoc/>
    public override string ToString() => Value ?? string.Empty;
}
