namespace ImageRules.Domain.Events;

/// <summary>A custom image was created from an instance (R10); it starts <see cref="ImageState.Creating"/>.</summary>
public sealed record ImageCreated : IImageEvent
{
    /// <summary>Makes the event.</summary>
    /// <param name="image">The new image.</param>
    /// <param name="storageQuotePerMonth">What the image's snapshot storage costs per month, to show before the user confirms (R17).</param>
    public ImageCreated(Image image, Money storageQuotePerMonth)
    {
        Image = image;
        StorageQuotePerMonth = storageQuotePerMonth;
    }

    /// <summary>The new image.</summary>
    public Image Image { get; }

    /// <summary>What the image's snapshot storage costs per month, to show before the user confirms (R17).</summary>
    public Money StorageQuotePerMonth { get; }

    /// <inheritdoc/>
    public ImageId ImageId => Image.Id;

    /// <inheritdoc/>
    public DateTimeOffset OccurredAt => Image.CreatedAt;
}
