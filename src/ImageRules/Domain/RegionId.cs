
namespace ImageRules.Domain;

/// <summary>
/// A region id: two or more hyphen-separated parts of lowercase letters and digits, for example <c>ap-guangzhou</c> (R7).
/// </summary>
/// <remarks>Validated once, when made; equality is ordinal; <c>default(RegionId)</c> is not a valid id.</remarks>
public readonly record struct RegionId : ISpanParsable<RegionId>
{
    /// <summary>The longest id accepted, in characters.</summary>
    public const int MaxLength = 64;

    private readonly int hash;

    /// <summary>Makes an id from trusted text.</summary>
    /// <exception cref="ArgumentException">The text is malformed (a programmer error); parse user input with <see cref="TryParse(string?, out RegionId)"/> or <c>ImageRules.Policy.Ids</c>.</exception>
    public RegionId(string value)
    {
        Value = IsWellFormed(value) ? value : throw new ArgumentException($"region {IdSyntax.Quote(value)} is malformed", nameof(value));
        hash = value.GetHashCode(StringComparison.Ordinal);
    }

    /// <summary>The id's text.</summary>
    public string Value { get; }

    /// <summary>Ordinal equality of the text; ids with different hashes differ without comparing text.</summary>
    public bool Equals(RegionId other) => hash == other.hash && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <summary>The text's hash (randomized per process, as strings' are), computed once when the id is made: ids key the stores' lookups.</summary>
    public override int GetHashCode() => hash;

    /// <summary>True for two or more non-empty hyphen-separated parts of lowercase letters and digits, at most <see cref="MaxLength"/> long.</summary>
    public static bool IsWellFormed(string? text)
    {
        if (text is not { Length: > 0 and <= MaxLength })
        {
            return false;
        }

        var parts = 0;
        foreach (var part in text.AsSpan().Split('-'))
        {
            if (!IdSyntax.AreLowercaseAlphanumeric(text.AsSpan()[part]))
            {
                return false;
            }

            parts++;
        }

        return parts >= 2;
    }


    /// <summary>Parses trusted text (BCL convention).</summary>
    /// <exception cref="FormatException">The text is not a region id; user input goes through <see cref="TryParse(string?, out RegionId)"/> or <c>ImageRules.Policy.Ids</c>, which gives the provider's error code.</exception>
    public static RegionId Parse(string s) => Parse(s, null);

    /// <inheritdoc cref="Parse(string)"/>
    public static RegionId Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var id) ? id : throw new FormatException($"region {IdSyntax.Quote(s)} is malformed");

    /// <inheritdoc cref="Parse(string)"/>
    public static RegionId Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s.ToString(), provider);

    /// <summary>Parses text, returning false for text that is not a region id.</summary>
    public static bool TryParse(string? s, out RegionId result) => TryParse(s, null, out result);

    /// <summary>Parses text, returning false for text that is not a region id.</summary>
    public static bool TryParse(string? s, IFormatProvider? provider, out RegionId result)
    {
        result = IsWellFormed(s) ? new RegionId(s!) : default;
        return IsWellFormed(s);
    }

    /// <summary>Parses text, returning false for text that is not a region id.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out RegionId result) => TryParse(s.ToString(), provider, out result);

    /// <inheritdoc/>
    public override string ToString() => Value ?? string.Empty;
}
