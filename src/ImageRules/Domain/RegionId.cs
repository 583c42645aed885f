using ImageRules.Policy;
using ImageRules.Policy.Failures;

namespace ImageRules.Domain;

/// <summary>
/// A region id: two or more hyphen-separated parts of lowercase letters and digits, for example <c>ap-guangzhou</c> (R7).
/// </summary>
/// <remarks>Validated once, when made; equality is ordinal; <c>default(RegionId)</c> is not a valid id.</remarks>
public readonly record struct RegionId
{
    /// <summary>The longest id accepted, in characters.</summary>
    public const int MaxLength = 64;

    /// <summary>Makes an id from trusted text.</summary>
    /// <exception cref="ArgumentException">The text is malformed (a programmer error); parse user input with <see cref="Parse"/>.</exception>
    public RegionId(string value)
    {
        Value = IsWellFormed(value) ? value : throw new ArgumentException($"region {IdSyntax.Quote(value)} is malformed", nameof(value));
    }

    /// <summary>The id's text.</summary>
    public string Value { get; }

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

    /// <summary>Parses user input; a malformed region is answered as an unknown one, <see cref="RegionNotFound"/> (R7).</summary>
    public static Result<RegionId> Parse(string? text) =>
        IsWellFormed(text) ? new RegionId(text!) : new RegionNotFound(text);

    /// <inheritdoc/>
    public override string ToString() => Value ?? string.Empty;
}
