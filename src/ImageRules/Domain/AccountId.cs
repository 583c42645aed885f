
namespace ImageRules.Domain;

/// <summary>An account id: 1 to 20 ASCII digits, for example <c>1038493875</c> (R7).</summary>
/// <remarks>Validated once, when made; equality is ordinal; <c>default(AccountId)</c> is not a valid id.</remarks>
public readonly record struct AccountId : ISpanParsable<AccountId>
{
    /// <summary>The longest id accepted, in digits.</summary>
    public const int MaxLength = 20;

    private readonly int hash;

    /// <summary>Makes an id from trusted text.</summary>
    /// <exception cref="ArgumentException">The text is malformed (a programmer error); parse user input with <see cref="TryParse(string?, out AccountId)"/> or <c>ImageRules.Policy.Ids</c>.</exception>
    public AccountId(string value)
    {
        Value = IsWellFormed(value) ? value : throw new ArgumentException($"account id {IdSyntax.Quote(value)} is malformed", nameof(value));
        hash = value.GetHashCode(StringComparison.Ordinal);
    }

    /// <summary>The id's text.</summary>
    public string Value { get; }

    /// <summary>Ordinal equality of the text; ids with different hashes differ without comparing text.</summary>
    public bool Equals(AccountId other) => hash == other.hash && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <summary>The text's hash (randomized per process, as strings' are), computed once when the id is made: ids key the stores' lookups.</summary>
    public override int GetHashCode() => hash;

    /// <summary>True when <paramref name="text"/> is 1 to <see cref="MaxLength"/> ASCII digits.</summary>
    public static bool IsWellFormed(string? text) =>
        text is { Length: > 0 and <= MaxLength } && text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0;


    /// <summary>Parses trusted text (BCL convention).</summary>
    /// <exception cref="FormatException">The text is not an account id; user input goes through <see cref="TryParse(string?, out AccountId)"/> or <c>ImageRules.Policy.Ids</c>, which gives the provider's error code.</exception>
    public static AccountId Parse(string s) => Parse(s, null);

    /// <inheritdoc cref="Parse(string)"/>
    public static AccountId Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var id) ? id : throw new FormatException($"account id {IdSyntax.Quote(s)} is malformed");

    /// <inheritdoc cref="Parse(string)"/>
    public static AccountId Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s.ToString(), provider);

    /// <summary>Parses text, returning false for text that is not an account id.</summary>
    public static bool TryParse(string? s, out AccountId result) => TryParse(s, null, out result);

    /// <summary>Parses text, returning false for text that is not an account id.</summary>
    public static bool TryParse(string? s, IFormatProvider? provider, out AccountId result)
    {
        result = IsWellFormed(s) ? new AccountId(s!) : default;
        return IsWellFormed(s);
    }

    /// <summary>Parses text, returning false for text that is not an account id.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out AccountId result) => TryParse(s.ToString(), provider, out result);

    /// <inheritdoc/>
    public override string ToString() => Value ?? string.Empty;
}
