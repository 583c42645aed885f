using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>Images are shared only with accounts in the owner's region (R22).</summary>
/// <remarks>Code <c>UnsupportedOperation.Region</c>.</remarks>
/// <param name="Recipient">The account refused.</param>
/// <param name="RecipientRegion">Its home region.</param>
/// <param name="OwnerRegion">The owner's home region.</param>
public sealed record ShareRegionUnsupported(AccountId Recipient, RegionId RecipientRegion, RegionId OwnerRegion) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "UnsupportedOperation.Region";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R22";

    /// <inheritdoc/>
    public override string Message => $"account `{Recipient}` is in region `{RecipientRegion}`, not the owner's region `{OwnerRegion}`";
}
