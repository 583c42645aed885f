
namespace ImageRules.Domain;

/// <summary>
/// An instance id: <c>ins-</c> followed by 8 lowercase letters or digits, for example <c>ins-2zvx0a1b</c> (R10).
/// </summary>
/// <remarks>Validated once, when made; equality is ordinal; <c>default(InstanceId)</c> is not a valid id.</remarks>
public readonly record struct InstanceId : ISpanParsable<InstanceId>
{
    private const string Prefix = "ins-";

    /// <summary>Makes an id from trusted text.</summary>
    /// <exception cref="ArgumentException">The text is malformed (a programmer error); parse user input with <see cref="TryParse(string?, out InstanceId)"/> or <c>ImageRules.Policy.Ids</c>.</exception>
    public InstanceId(string value)
    {
        Value = IsWellFormed(value) ? value : throw new ArgumentException($"instance id {IdSyntax.Quote(value)} is malformed", nameof(value));
    }

    /// <summary>The id's text.</summary>
    public string Value { get; }

    /// <summary>True when <paramref name="text"/> is <c>ins-</c> followed by 8 lowercase letters or digits.</summary>
    public static bool IsWellFormed(string? text) => IdSyntax.IsPrefixedSuffix8(text, Prefix);


    /// <summary>Parses trusted text (BCL convention).</summary>
    /// <exception cref="FormatException">The text is not an instance id; user input goes through <see cref="TryParse(string?, out InstanceId)"/> or <c>ImageRules.Policy.Ids</c>, which gives the provider's error code.</exception>
    public static InstanceId Parse(string s) => Parse(s, null);

    /// <inheritdoc cref="Parse(string)"/>
    public static InstanceId Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var id) ? id : throw new FormatException($"instance id {IdSyntax.Quote(s)} is malformed");

    /// <inheritdoc cref="Parse(string)"/>
    public static InstanceId Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s.ToString(), provider);

    /// <summary>Parses text, returning false for text that is not an instance id.</summary>
    public static bool TryParse(string? s, out InstanceId result) => TryParse(s, null, out result);

    /// <summary>Parses text, returning false for text that is not an instance id.</summary>
    public static bool TryParse(string? s, IFormatProvider? provider, out InstanceId result)
    {
        result = IsWellFormed(s) ? new InstanceId(s!) : default;
        return IsWellFormed(s);
    }

    /// <summary>Parses text, returning false for text that is not an instance id.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out InstanceId result) => TryParse(s.ToString(), provider, out result);

    /// <inheritdoc/>
    public override string ToString() => Value ?? string.Empty;
}
