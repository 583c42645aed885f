using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>A public image with this id is already published (an operator's repeated seeding).</summary>
/// <remarks>Code <c>InvalidImageId.Duplicate</c>.</remarks>
/// <param name="ImageId">The image id.</param>
public sealed record ImageAlreadyPublished(ImageId ImageId) : Failure
{
    /// <summary>The error code for this failure.</summary>
    public const string ErrorCode = "InvalidImageId.Duplicate";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R3";

    /// <inheritdoc/>
    public override string Message => $"image `{ImageId}` is already published";
}
