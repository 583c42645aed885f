using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>An owner cannot share an image with itself (R23).</summary>
/// <remarks>Code <c>InvalidAccountIs.YourSelf</c>.</remarks>
/// <param name="Account">The owner.</param>
public sealed record ShareWithSelf(AccountId Account) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "InvalidAccountIs.YourSelf";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R23";

    /// <inheritdoc/>
    public override string Message => $"account `{Account}` is the image's owner: an image cannot be shared with its owner";
}
