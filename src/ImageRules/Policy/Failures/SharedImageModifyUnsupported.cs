using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>A recipient tried to rename, re-describe, copy or re-share an image shared with it; it may only launch instances from it (R25).</summary>
/// <remarks>Code <c>UnsupportedOperation.SharedImageModifyUnsupported</c>.</remarks>
/// <param name="ImageId">The shared image.</param>
/// <param name="Operation">What the recipient tried, such as <c>rename</c>.</param>
public sealed record SharedImageModifyUnsupported(ImageId ImageId, string Operation) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "UnsupportedOperation.SharedImageModifyUnsupported";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R25";

    /// <inheritdoc/>
    public override string Message => $"image `{ImageId}` is shared with the caller and does not support {Operation}: a shared image can only launch instances";
}
