using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>An account id is malformed or names no known account (R7, R23); a whole share request is then refused (R20).</summary>
/// <remarks>Code <c>InvalidAccountId.NotFound</c>.</remarks>
/// <param name="AccountId">The account id as given (possibly malformed).</param>
public sealed record AccountNotFound(string? AccountId) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "InvalidAccountId.NotFound";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R23";

    /// <inheritdoc/>
    public override string Message => $"account {IdSyntax.Quote(AccountId)} does not exist";
}
