using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>The image would be shared with more accounts than allowed (R21).</summary>
/// <remarks>Code <c>OverQuota</c>.</remarks>
/// <param name="ImageId">The image.</param>
/// <param name="Limit">The most accounts one image may be shared with.</param>
/// <param name="Requested">How many accounts it would be shared with.</param>
public sealed record ShareQuotaExceeded(ImageId ImageId, int Limit, int Requested) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "OverQuota";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R21";

    /// <inheritdoc/>
    public override string Message => $"image `{ImageId}` would be shared with {Requested} accounts, more than {Limit}";
}
