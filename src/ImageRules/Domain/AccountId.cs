using ImageRules.Policy;
using ImageRules.Policy.Failures;

namespace ImageRules.Domain;

/// <summary>An account id: 1 to 20 ASCII digits, for example <c>1038493875</c> (R7).</summary>
/// <remarks>Validated once, when made; equality is ordinal; <c>default(AccountId)</c> is not a valid id.</remarks>
public readonly record struct AccountId
{
    /// <summary>The longest id accepted, in digits.</summary>
    public const int MaxLength = 20;

    /// <summary>Makes an id from trusted text.</summary>
    /// <exception cref="ArgumentException">The text is malformed (a programmer error); parse user input with <see cref="Parse"/>.</exception>
    public AccountId(string value)
    {
        Value = IsWellFormed(value) ? value : throw new ArgumentException($"account id {IdSyntax.Quote(value)} is malformed", nameof(value));
    }

    /// <summary>The id's text.</summary>
    public string Value { get; }

    /// <summary>True when <paramref name="text"/> is 1 to <see cref="MaxLength"/> ASCII digits.</summary>
    public static bool IsWellFormed(string? text) =>
        text is { Length: > 0 and <= MaxLength } && text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0;

    /// <summary>
    /// Parses user input. The provider answers a malformed account id as an unknown one, so the failure is
    /// <see cref="AccountNotFound"/> (<c>InvalidAccountId.NotFound</c>, R7).
    /// </summary>
    public static Result<AccountId> Parse(string? text) =>
        IsWellFormed(text) ? new AccountId(text!) : new AccountNotFound(text);

    /// <inheritdoc/>
    public override string ToString() => Value ?? string.Empty;
}
