namespace ImageRules.Domain.Events;

/// <summary>A custom image was renamed and/or re-described by its owner (R12, R13).</summary>
/// <param name="Before">The image before.</param>
/// <param name="Image">The image after.</param>
/// <param name="OccurredAt">When it changed.</param>
public sealed record ImageModified(Image Before, Image Image, DateTimeOffset OccurredAt) : IImageEvent
{
    /// <inheritdoc/>
    public ImageId ImageId => Image.Id;
}
