using System.Collections.Immutable;
using ImageRules.Domain.Events;
using ImageRules.Domain;

namespace ImageRules.Storage;

/// <summary>
/// One atomic, conditional write to a catalogue: applied whole only if the catalogue is still at
/// <see cref="ExpectedVersion"/>, and then the version advances by one. See <see cref="IImageStore.TryCommitAsync"/>.
/// </summary>
/// <remarks>Every image and grant named must belong to <see cref="Key"/>'s catalogue.</remarks>
public sealed record CatalogueChange
{
    /// <summary>The catalogue changed.</summary>
    public required CatalogueKey Key { get; init; }

    /// <summary>The version the decision was made on.</summary>
    public required long ExpectedVersion { get; init; }

    /// <summary>New images; their ids must be unused in the whole store.</summary>
    public ImmutableArray<Image> Added { get; init; } = [];

    /// <summary>
    /// Images replaced by a changed copy; each must exist in the catalogue and keep its <see cref="Image.CreatedAt"/>
    /// instant (an image's creation time never changes; stores keep listings ordered by it).
    /// </summary>
    public ImmutableArray<Image> Updated { get; init; } = [];

    /// <summary>Images removed; each must exist in the catalogue and have no grant left after this change.</summary>
    public ImmutableArray<ImageId> Deleted { get; init; } = [];

    /// <summary>Grants made; none may exist already.</summary>
    public ImmutableArray<ShareGrant> GrantsAdded { get; init; } = [];

    /// <summary>Grants removed; each must exist.</summary>
    public ImmutableArray<ShareGrant> GrantsRemoved { get; init; } = [];

    /// <summary>
    /// The change's event for observers, or null when nobody listens (the service sets it only when observers are
    /// registered). A store writes it in the same transaction as the change, pending until
    /// <see cref="IImageStore.MarkEventDeliveredAsync"/>, so a saved change's event is never lost (an outbox).
    /// </summary>
    public SavedImageEvent? Event { get; init; }

    /// <summary>Value equality, comparing every list item by item.</summary>
    public bool Equals(CatalogueChange? other) =>
        other is not null && Key == other.Key && ExpectedVersion == other.ExpectedVersion
        && ValueEquality.Items(Added, other.Added) && ValueEquality.Items(Updated, other.Updated) && ValueEquality.Items(Deleted, other.Deleted)
        && ValueEquality.Items(GrantsAdded, other.GrantsAdded) && ValueEquality.Items(GrantsRemoved, other.GrantsRemoved) && Equals(Event, other.Event);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(Key, ExpectedVersion, ValueEquality.Hash(Added), ValueEquality.Hash(Updated), ValueEquality.Hash(Deleted), ValueEquality.Hash(GrantsAdded), ValueEquality.Hash(GrantsRemoved), Event);

    /// <summary>
    /// Checks what a store can check before reading anything: no image or grant named twice, and every added or
    /// updated image and every added grant in <see cref="Key"/>'s catalogue. A store calls it first in
    /// <see cref="IImageStore.TryCommitAsync"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The change contradicts itself: a caller's bug, not a race.</exception>
    public void ThrowIfSelfContradictory()
    {
        Require(IsDistinct(Added, static i => i.Id), "an image is added twice");
        Require(AreDistinct(GrantsAdded), "a grant is added twice");
        Require(AreDistinct(GrantsRemoved), "a grant is removed twice");
        Require(AllIn(Added), "an added image belongs to another catalogue");
        Require(AllIn(Updated), "an updated image is not in the catalogue");
        foreach (var grant in GrantsAdded)
        {
            Require(grant.Owner == Key.Owner && grant.Region == Key.Region, "a grant is for an image outside the catalogue");
        }
    }

    /// <summary>Refuses a change that contradicts its catalogue, naming the <paramref name="problem"/>.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="condition"/> is false.</exception>
    public static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"catalogue change refused: {problem}");
        }
    }

    /// <summary>True when no item's key repeats: a repeat would fail halfway through applying, or defeat a deletion's grant count.</summary>
    /// <remarks>A store checks every commit: a loop, no allocation, for the usual one or two items; a set sized once for more.</remarks>
    private static bool IsDistinct<T, TKey>(ImmutableArray<T> items, Func<T, TKey> key)
    {
        if (items.Length <= 2)
        {
            return items.Length < 2 || !EqualityComparer<TKey>.Default.Equals(key(items[0]), key(items[1]));
        }

        var seen = new HashSet<TKey>(items.Length);
        foreach (var item in items)
        {
            if (!seen.Add(key(item)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when no image's grant to one recipient repeats; for grants all of one image (a share) the recipients alone are compared.</summary>
    private static bool AreDistinct(ImmutableArray<ShareGrant> grants)
    {
        foreach (var grant in grants)
        {
            if (grant.ImageId != grants[0].ImageId)
            {
                return IsDistinct(grants, static g => (g.ImageId, g.Recipient));
            }
        }

        return IsDistinct(grants, static g => g.Recipient);
    }

    private bool AllIn(ImmutableArray<Image> images)
    {
        foreach (var image in images)
        {
            if (CatalogueKey.Of(image) != Key)
            {
                return false;
            }
        }

        return true;
    }
}
