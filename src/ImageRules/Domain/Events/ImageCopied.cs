namespace ImageRules.Domain.Events;

/// <summary>An image was copied (R14): the copy has a new id, starts <see cref="ImageState.Syncing"/> and carries no grants.</summary>
/// <param name="Source">The image copied.</param>
/// <param name="Copy">The new image in the target region.</param>
/// <param name="Charge">What the copy costs: nothing, since cross-region copy is free (R14).</param>
public sealed record ImageCopied(Image Source, Image Copy, Money Charge) : IImageEvent
{
    /// <inheritdoc/>
    public ImageId ImageId => Copy.Id;

    /// <inheritdoc/>
    public DateTimeOffset OccurredAt => Copy.CreatedAt;
}
