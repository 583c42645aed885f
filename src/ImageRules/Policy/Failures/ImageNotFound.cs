using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>No image the caller can see has this id in the region asked: unknown and invisible images are reported alike, so an image's existence is never revealed (R6).</summary>
/// <remarks>Code <c>InvalidImageId.NotFound</c>.</remarks>
/// <param name="ImageId">The image asked for.</param>
public sealed record ImageNotFound(ImageId ImageId) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "InvalidImageId.NotFound";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R6";

    /// <inheritdoc/>
    public override string Message => $"image `{ImageId}` does not exist";
}
