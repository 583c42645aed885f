namespace ImageRules.Domain.Events;

/// <summary>A custom image was deleted by its owner (R16); its quota slot is free. Instances already launched are not affected.</summary>
public sealed record ImageDeleted : IImageEvent
{
    /// <summary>Makes the event.</summary>
    /// <param name="image">The image as it was.</param>
    /// <param name="occurredAt">When it was deleted.</param>
    public ImageDeleted(Image image, DateTimeOffset occurredAt)
    {
        Image = image;
        OccurredAt = occurredAt;
    }

    /// <summary>The image as it was.</summary>
    public Image Image { get; }

    /// <summary>When it was deleted.</summary>
    public DateTimeOffset OccurredAt { get; }

    /// <inheritdoc/>
    public ImageId ImageId => Image.Id;
}
