using System.Collections.Immutable;

namespace ImageRules.Domain.Events;

/// <summary>A custom image was shared with one or more accounts, all at once (R20).</summary>
/// <param name="Image">The image.</param>
/// <param name="Grants">The new grants, one per recipient, in request order.</param>
/// <param name="OccurredAt">When it was shared.</param>
public sealed record ImageShared(Image Image, ImmutableArray<ShareGrant> Grants, DateTimeOffset OccurredAt) : IImageEvent
{
    /// <inheritdoc/>
    public ImageId ImageId => Image.Id;

    /// <summary>Value equality, comparing <see cref="Grants"/> item by item.</summary>
    public bool Equals(ImageShared? other) =>
        other is not null && Equals(Image, other.Image) && OccurredAt == other.OccurredAt && Grants.SequenceEqual(other.Grants);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Image, OccurredAt, Grants.Length);
}
