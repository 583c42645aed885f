namespace ImageRules.Domain.Events;

/// <summary>The platform published a public image in its region (R3).</summary>
/// <param name="Image">The public image.</param>
/// <param name="OccurredAt">When it was published.</param>
public sealed record ImagePublished(Image Image, DateTimeOffset OccurredAt) : IImageEvent
{
    /// <inheritdoc/>
    public ImageId ImageId => Image.Id;
}
