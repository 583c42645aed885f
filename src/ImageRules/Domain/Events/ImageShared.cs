using System.Collections.Immutable;

namespace ImageRules.Domain.Events;

/// <summary>A custom image was shared with one or more accounts, all at once (R20).</summary>
public sealed record ImageShared : IImageEvent
{
    /// <summary>Makes the event.</summary>
    /// <param name="image">The image.</param>
    /// <param name="grants">The new grants, one per recipient, in request order.</param>
    /// <param name="occurredAt">When it was shared.</param>
    public ImageShared(Image image, ImmutableArray<ShareGrant> grants, DateTimeOffset occurredAt)
    {
        Image = image;
        Grants = grants;
        OccurredAt = occurredAt;
    }

    /// <summary>The image.</summary>
    public Image Image { get; }

    /// <summary>The new grants, one per recipient, in request order.</summary>
    public ImmutableArray<ShareGrant> Grants { get; }

    /// <summary>When it was shared.</summary>
    public DateTimeOffset OccurredAt { get; }

    /// <inheritdoc/>
    public ImageId ImageId => Image.Id;

    /// <summary>Value equality, comparing <see cref="Grants"/> item by item.</summary>
    public bool Equals(ImageShared? other) =>
        other is not null && Equals(Image, other.Image) && OccurredAt == other.OccurredAt && Grants.SequenceEqual(other.Grants);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Image, OccurredAt, Grants.Length);
}
