using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>The image is already shared with the account, or the request names it twice (R23): sharing twice is an error, not a no-op.</summary>
/// <remarks>Code <c>FailedOperation.AccountAlreadyExists</c>.</remarks>
/// <param name="ImageId">The image.</param>
/// <param name="Account">The account that already holds a grant.</param>
public sealed record AccountAlreadyShared(ImageId ImageId, AccountId Account) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "FailedOperation.AccountAlreadyExists";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R23";

    /// <inheritdoc/>
    public override string Message => $"image `{ImageId}` is already shared with account `{Account}`";
}
