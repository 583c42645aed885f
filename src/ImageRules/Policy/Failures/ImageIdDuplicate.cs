using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>A public image with this id is already published (R3).</summary>
/// <remarks>Code <c>InvalidImageId.Duplicate</c>; rules R3.</remarks>
public sealed class ImageIdDuplicate : Failure
{
    /// <summary>Makes the failure.</summary>
    /// <param name="imageId">The image id.</param>
    public ImageIdDuplicate(ImageId imageId)
        : base("InvalidImageId.Duplicate")
    {
        ImageId = imageId;
    }

    /// <summary>The image id.</summary>
    public ImageId ImageId { get; }

    private protected override object? Fields => ImageId;

    private protected override string Describe() => $"image `{ImageId}` is already published";
}
