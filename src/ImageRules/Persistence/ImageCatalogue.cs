using System.Collections.Immutable;
using ImageRules.Domain;

namespace ImageRules.Persistence;

/// <summary>
/// A consistent snapshot of one catalogue (see <see cref="CatalogueKey"/>) at one <see cref="Version"/>: the unit of
/// optimistic concurrency. Every change to the catalogue's images or to their grants advances the version.
/// </summary>
/// <param name="Key">Which catalogue.</param>
/// <param name="Version">The version read; 0 for a catalogue never written.</param>
/// <param name="Images">Every image in the catalogue, in any state.</param>
public sealed record ImageCatalogue(CatalogueKey Key, long Version, ImmutableArray<Image> Images)
{
    /// <summary>The image with this id, or null.</summary>
    public Image? Find(ImageId id)
    {
        foreach (var image in Images)
        {
            if (image.Id == id)
            {
                return image;
            }
        }

        return null;
    }

    /// <summary>Value equality, comparing <see cref="Images"/> item by item.</summary>
    public bool Equals(ImageCatalogue? other) =>
        other is not null && Key == other.Key && Version == other.Version && Images.SequenceEqual(other.Images);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Key, Version, Images.Length);
}
