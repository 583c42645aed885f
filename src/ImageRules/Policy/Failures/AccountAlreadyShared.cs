using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>The image is already shared with the account, or the account is named twice (R23).</summary>
/// <remarks>Code <c>FailedOperation.AccountAlreadyExists</c>; rules R23.</remarks>
public sealed class AccountAlreadyShared : Failure
{
    /// <summary>Makes the failure.</summary>
    /// <param name="imageId">The image.</param>
    /// <param name="accountId">The recipient.</param>
    public AccountAlreadyShared(ImageId imageId, AccountId accountId)
        : base("FailedOperation.AccountAlreadyExists")
    {
        ImageId = imageId;
        AccountId = accountId;
    }

    /// <summary>The image.</summary>
    public ImageId ImageId { get; }

    /// <summary>The recipient.</summary>
    public AccountId AccountId { get; }

    private protected override object? Fields => (ImageId, AccountId);

    private protected override string Describe() => $"image `{ImageId}` is already shared with account `{AccountId}`";
}
