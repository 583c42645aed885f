using System.Collections.Immutable;

namespace ImageRules.Domain.Events;

/// <summary>
/// Sharing of a custom image was cancelled for one or more accounts, all at once (R24); they can no longer see or
/// launch it, and their share slots are free. Instances they launched are not affected.
/// </summary>
public sealed record ImageSharingCancelled : IImageEvent
{
    /// <summary>Makes the event.</summary>
    /// <param name="image">The image.</param>
    /// <param name="grants">The grants removed.</param>
    /// <param name="occurredAt">When sharing was cancelled.</param>
    public ImageSharingCancelled(Image image, ImmutableArray<ShareGrant> grants, DateTimeOffset occurredAt)
    {
        Image = image;
        Grants = grants;
        OccurredAt = occurredAt;
    }

    /// <summary>The image.</summary>
    public Image Image { get; }

    /// <summary>The grants removed.</summary>
    public ImmutableArray<ShareGrant> Grants { get; }

    /// <summary>When sharing was cancelled.</summary>
    public DateTimeOffset OccurredAt { get; }

    /// <inheritdoc/>
    public ImageId ImageId => Image.Id;

    /// <summary>Value equality, comparing <see cref="Grants"/> item by item.</summary>
    public bool Equals(ImageSharingCancelled? other) =>
        other is not null && Equals(Image, other.Image) && OccurredAt == other.OccurredAt && Grants.SequenceEqual(other.Grants);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Image, OccurredAt, Grants.Length);
}
