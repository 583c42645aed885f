namespace ImageRules.Domain.Events;

/// <summary>An image file import was accepted (R18); the image starts <see cref="ImageState.Importing"/>.</summary>
/// <param name="Image">The new image.</param>
/// <param name="StorageQuotePerMonth">What its snapshot storage costs per month (R17).</param>
/// <param name="Advisories">For Windows, <see cref="Advisories.NoWindowsActivation"/>: an imported Windows image has no activation service.</param>
public sealed record ImageImported(Image Image, Money StorageQuotePerMonth, Advisories Advisories) : IImageEvent
{
    /// <inheritdoc/>
    public ImageId ImageId => Image.Id;

    /// <inheritdoc/>
    public DateTimeOffset OccurredAt => Image.CreatedAt;
}
