namespace ImageRules.Domain.Events;

/// <summary>An image file import was accepted (R18); the image starts <see cref="ImageState.Importing"/>.</summary>
public sealed record ImageImported : IImageEvent
{
    /// <summary>Makes the event.</summary>
    /// <param name="image">The new image.</param>
    /// <param name="storageQuotePerMonth">What its snapshot storage costs per month (R17).</param>
    /// <param name="advisories">For Windows, <see cref="Advisories.NoWindowsActivation"/>: an imported Windows image has no activation service.</param>
    public ImageImported(Image image, Money storageQuotePerMonth, Advisories advisories)
    {
        Image = image;
        StorageQuotePerMonth = storageQuotePerMonth;
        Advisories = advisories;
    }

    /// <summary>The new image.</summary>
    public Image Image { get; }

    /// <summary>What its snapshot storage costs per month (R17).</summary>
    public Money StorageQuotePerMonth { get; }

    /// <summary>For Windows, <see cref="Advisories.NoWindowsActivation"/>: an imported Windows image has no activation service.</summary>
    public Advisories Advisories { get; }

    /// <inheritdoc/>
    public ImageId ImageId => Image.Id;

    /// <inheritdoc/>
    public DateTimeOffset OccurredAt => Image.CreatedAt;
}
