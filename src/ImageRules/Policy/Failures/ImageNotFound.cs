using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>The image does not exist, or the caller cannot see it in the region it addresses: existence is never revealed (R6).</summary>
/// <remarks>Code <c>InvalidImageId.NotFound</c>; rules R6, R30.</remarks>
public sealed class ImageNotFound : Failure
{
    /// <summary>Makes the failure.</summary>
    /// <param name="imageId">The image asked for.</param>
    public ImageNotFound(ImageId imageId)
        : base("InvalidImageId.NotFound")
    {
        ImageId = imageId;
    }

    /// <summary>The image asked for.</summary>
    public ImageId ImageId { get; }

    private protected override object? Fields => ImageId;

    private protected override string Describe() => $"image `{ImageId}` not found";
}
