using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>Cancelling sharing names an account that holds no grant for the image (R24): an error, not a no-op.</summary>
/// <remarks>Code <c>InvalidAccountId.NotFound</c>.</remarks>
/// <param name="ImageId">The image.</param>
/// <param name="Account">The account that holds no grant.</param>
public sealed record GrantNotFound(ImageId ImageId, AccountId Account) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "InvalidAccountId.NotFound";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R24";

    /// <inheritdoc/>
    public override string Message => $"image `{ImageId}` is not shared with account `{Account}`";
}
