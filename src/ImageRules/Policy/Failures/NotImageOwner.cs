using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>The caller can see the image but does not own it, so it may not change, copy, share or delete it (R13, R25).</summary>
/// <remarks>Code <c>UnauthorizedOperation.ImageNotBelongToAccount</c>.</remarks>
/// <param name="ImageId">The image.</param>
public sealed record NotImageOwner(ImageId ImageId) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "UnauthorizedOperation.ImageNotBelongToAccount";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R13";

    /// <inheritdoc/>
    public override string Message => $"image `{ImageId}` does not belong to the caller";
}
