namespace ImageRules.Domain.Events;

/// <summary>The platform finished producing an image (R10, R14, R18): it is now <see cref="ImageState.Normal"/> or failed.</summary>
/// <param name="Before">The image while in progress.</param>
/// <param name="Image">The image in its final state.</param>
/// <param name="OccurredAt">When the outcome was recorded.</param>
public sealed record ImageCompleted(Image Before, Image Image, DateTimeOffset OccurredAt) : IImageEvent
{
    /// <inheritdoc/>
    public ImageId ImageId => Image.Id;

    /// <summary>True when the image is now usable.</summary>
    public bool Succeeded => Image.State == ImageState.Normal;
}
