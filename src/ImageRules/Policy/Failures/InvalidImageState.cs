using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>Sharing (R20) and launching (R30) need the image in <c>Normal</c> state.</summary>
/// <remarks>Code <c>InvalidParameterValue.InvalidImageState</c>.</remarks>
/// <param name="ImageId">The image.</param>
/// <param name="State">Its current state.</param>
public sealed record InvalidImageState(ImageId ImageId, ImageState State) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "InvalidParameterValue.InvalidImageState";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R30";

    /// <inheritdoc/>
    public override string Message => $"image `{ImageId}` is `{State}`, not `Normal`";
}
