using System.Collections.Immutable;
using ImageRules.Domain;

namespace ImageRules.Policy;

/// <summary>One page of a listing of images an account can see, newest first (ties by id).</summary>
/// <param name="Items">The images on this page, each with its kind for the viewer.</param>
/// <param name="TotalCount">How many images match the filters in all pages.</param>
public sealed record ImagePage(ImmutableArray<VisibleImage> Items, int TotalCount)
{
    /// <summary>Value equality, comparing <see cref="Items"/> item by item.</summary>
    public bool Equals(ImagePage? other) =>
        other is not null && TotalCount == other.TotalCount && Items.SequenceEqual(other.Items);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(TotalCount, Items.Length);
}
