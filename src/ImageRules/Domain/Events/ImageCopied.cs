namespace ImageRules.Domain.Events;

/// <summary>An image was copied (R14): the copy has a new id, starts <see cref="ImageState.Syncing"/> and carries no grants.</summary>
public sealed record ImageCopied : IImageEvent
{
    /// <summary>Makes the event.</summary>
    /// <param name="source">The image copied.</param>
    /// <param name="copy">The new image in the target region.</param>
    /// <param name="charge">What the copy costs: nothing, since cross-region copy is free (R14).</param>
    public ImageCopied(Image source, Image copy, Money charge)
    {
        Source = source;
        Copy = copy;
        Charge = charge;
    }

    /// <summary>The image copied.</summary>
    public Image Source { get; }

    /// <summary>The new image in the target region.</summary>
    public Image Copy { get; }

    /// <summary>What the copy costs: nothing, since cross-region copy is free (R14).</summary>
    public Money Charge { get; }

    /// <inheritdoc/>
    public ImageId ImageId => Copy.Id;

    /// <inheritdoc/>
    public DateTimeOffset OccurredAt => Copy.CreatedAt;
}
