using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>The account already has the most custom images allowed in the region (R11); images in every state count until deleted.</summary>
/// <remarks>Code <c>ImageQuotaLimitExceeded</c>.</remarks>
/// <param name="Owner">The account whose quota is full.</param>
/// <param name="Region">The region of the quota.</param>
/// <param name="Limit">The limit in force.</param>
public sealed record CustomImageQuotaExceeded(AccountId Owner, RegionId Region, int Limit) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "ImageQuotaLimitExceeded";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R11";

    /// <inheritdoc/>
    public override string Message => $"account `{Owner}` already has {Limit} custom images in region `{Region}`, the limit";
}
