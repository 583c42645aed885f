namespace ImageRules.Domain.Events;

/// <summary>The platform finished producing an image (R10, R14, R18): it is now <see cref="ImageState.Normal"/> or failed.</summary>
public sealed record ImageCompleted : IImageEvent
{
    /// <summary>Makes the event.</summary>
    /// <param name="before">The image while in progress.</param>
    /// <param name="image">The image in its final state.</param>
    /// <param name="occurredAt">When the outcome was recorded.</param>
    public ImageCompleted(Image before, Image image, DateTimeOffset occurredAt)
    {
        Before = before;
        Image = image;
        OccurredAt = occurredAt;
    }

    /// <summary>The image while in progress.</summary>
    public Image Before { get; }

    /// <summary>The image in its final state.</summary>
    public Image Image { get; }

    /// <summary>When the outcome was recorded.</summary>
    public DateTimeOffset OccurredAt { get; }

    /// <inheritdoc/>
    public ImageId ImageId => Image.Id;

    /// <summary>True when the image is now usable.</summary>
    public bool Succeeded => Image.State == ImageState.Normal;
}
