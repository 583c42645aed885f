namespace ImageRules.Domain.Events;

/// <summary>A custom image was deleted by its owner (R16); its quota slot is free. Instances already launched are not affected.</summary>
/// <param name="Image">The image as it was.</param>
/// <param name="OccurredAt">When it was deleted.</param>
public sealed record ImageDeleted(Image Image, DateTimeOffset OccurredAt) : IImageEvent
{
    /// <inheritdoc/>
    public ImageId ImageId => Image.Id;
}
