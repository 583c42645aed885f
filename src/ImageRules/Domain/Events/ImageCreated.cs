namespace ImageRules.Domain.Events;

/// <summary>A custom image was created from an instance (R10); it starts <see cref="ImageState.Creating"/>.</summary>
/// <param name="Image">The new image.</param>
/// <param name="StorageQuotePerMonth">What the image's snapshot storage costs per month, to show before the user confirms (R17).</param>
public sealed record ImageCreated(Image Image, Money StorageQuotePerMonth) : IImageEvent
{
    /// <inheritdoc/>
    public ImageId ImageId => Image.Id;

    /// <inheritdoc/>
    public DateTimeOffset OccurredAt => Image.CreatedAt;
}
