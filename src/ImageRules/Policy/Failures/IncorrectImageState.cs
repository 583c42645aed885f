using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>The image's state does not allow the operation: copy needs <c>Normal</c> (R14); delete is refused while <c>Creating</c>, <c>Importing</c> or <c>Syncing</c> (R16); completing needs an in-progress state (R10).</summary>
/// <remarks>Code <c>InvalidImageId.IncorrectState</c>.</remarks>
/// <param name="ImageId">The image.</param>
/// <param name="State">Its current state.</param>
/// <param name="Operation">What was tried, such as <c>copy</c>.</param>
public sealed record IncorrectImageState(ImageId ImageId, ImageState State, string Operation) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "InvalidImageId.IncorrectState";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R16";

    /// <inheritdoc/>
    public override string Message => $"image `{ImageId}` is `{State}` and cannot {Operation}";
}
