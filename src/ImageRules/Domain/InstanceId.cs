using ImageRules.Policy;
using ImageRules.Policy.Failures;

namespace ImageRules.Domain;

/// <summary>
/// An instance id: <c>ins-</c> followed by 8 lowercase letters or digits, for example <c>ins-2zvx0a1b</c> (R10).
/// </summary>
/// <remarks>Validated once, when made; equality is ordinal; <c>default(InstanceId)</c> is not a valid id.</remarks>
public readonly record struct InstanceId
{
    private const string Prefix = "ins-";

    /// <summary>Makes an id from trusted text.</summary>
    /// <exception cref="ArgumentException">The text is malformed (a programmer error); parse user input with <see cref="Parse"/>.</exception>
    public InstanceId(string value)
    {
        Value = IsWellFormed(value) ? value : throw new ArgumentException($"instance id {IdSyntax.Quote(value)} is malformed", nameof(value));
    }

    /// <summary>The id's text.</summary>
    public string Value { get; }

    /// <summary>True when <paramref name="text"/> is <c>ins-</c> followed by 8 lowercase letters or digits.</summary>
    public static bool IsWellFormed(string? text) => IdSyntax.IsPrefixedSuffix8(text, Prefix);

    /// <summary>Parses user input; a malformed id is the failure <see cref="MalformedInstanceId"/> (R10).</summary>
    public static Result<InstanceId> Parse(string? text) =>
        IsWellFormed(text) ? new InstanceId(text!) : new MalformedInstanceId(text);

    /// <inheritdoc/>
    public override string ToString() => Value ?? string.Empty;
}
