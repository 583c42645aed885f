using System.Collections.Immutable;

namespace ImageRules.Domain.Events;

/// <summary>
/// Sharing of a custom image was cancelled for one or more accounts, all at once (R24); they can no longer see or
/// launch it, and their share slots are free. Instances they launched are not affected.
/// </summary>
/// <param name="Image">The image.</param>
/// <param name="Grants">The grants removed.</param>
/// <param name="OccurredAt">When sharing was cancelled.</param>
public sealed record ImageSharingCancelled(Image Image, ImmutableArray<ShareGrant> Grants, DateTimeOffset OccurredAt) : IImageEvent
{
    /// <inheritdoc/>
    public ImageId ImageId => Image.Id;

    /// <summary>Value equality, comparing <see cref="Grants"/> item by item.</summary>
    public bool Equals(ImageSharingCancelled? other) =>
        other is not null && Equals(Image, other.Image) && OccurredAt == other.OccurredAt && Grants.SequenceEqual(other.Grants);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Image, OccurredAt, Grants.Length);
}
