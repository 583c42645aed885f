namespace ImageRules.Domain.Events;

/// <summary>The platform published a public image in its region (R3).</summary>
public sealed record ImagePublished : IImageEvent
{
    /// <summary>Makes the event.</summary>
    /// <param name="image">The public image.</param>
    /// <param name="occurredAt">When it was published.</param>
    public ImagePublished(Image image, DateTimeOffset occurredAt)
    {
        Image = image;
        OccurredAt = occurredAt;
    }

    /// <summary>The public image.</summary>
    public Image Image { get; }

    /// <summary>When it was published.</summary>
    public DateTimeOffset OccurredAt { get; }

    /// <inheritdoc/>
    public ImageId ImageId => Image.Id;
}
