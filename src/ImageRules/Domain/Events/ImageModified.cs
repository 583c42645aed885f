namespace ImageRules.Domain.Events;

/// <summary>A custom image was renamed and/or re-described by its owner (R12, R13).</summary>
public sealed record ImageModified : IImageEvent
{
    /// <summary>Makes the event.</summary>
    /// <param name="before">The image before.</param>
    /// <param name="image">The image after.</param>
    /// <param name="occurredAt">When it changed.</param>
    public ImageModified(Image before, Image image, DateTimeOffset occurredAt)
    {
        Before = before;
        Image = image;
        OccurredAt = occurredAt;
    }

    /// <summary>The image before.</summary>
    public Image Before { get; }

    /// <summary>The image after.</summary>
    public Image Image { get; }

    /// <summary>When it changed.</summary>
    public DateTimeOffset OccurredAt { get; }

    /// <inheritdoc/>
    public ImageId ImageId => Image.Id;
}
