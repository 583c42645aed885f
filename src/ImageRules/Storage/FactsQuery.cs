using System.Collections.Immutable;
using ImageRules.Domain;

namespace ImageRules.Storage;

/// <summary>
/// Which facts one decision needs (see <see cref="Policy.ImageFacts"/>), so a store loads them in one read at one
/// catalogue version: the caller's account and the region always; the image and its grants when <see cref="Image"/>
/// is set; a catalogue; a copy's target region; share recipients.
/// </summary>
/// <param name="Caller">The calling account.</param>
/// <param name="Region">The region the request addresses.</param>
public sealed record FactsQuery(AccountId Caller, RegionId Region)
{
    /// <summary>The image the request names, if any.</summary>
    public ImageId? Image { get; init; }

    /// <summary>The catalogue to load with its version; when null and <see cref="Image"/> is set, the image's own (its owner's images in its region).</summary>
    public CatalogueKey? Catalogue { get; init; }

    /// <summary>True to load every grant of the image (a write); false for the caller's grant only (a read).</summary>
    public bool AllGrants { get; init; }

    /// <summary>A copy's target region, if any.</summary>
    public RegionId? TargetRegion { get; init; }

    /// <summary>Accounts to look up, such as share recipients.</summary>
    public ImmutableArray<AccountId> Accounts { get; init; } = [];

    /// <summary>Value equality, comparing <see cref="Accounts"/> item by item.</summary>
    public bool Equals(FactsQuery? other) =>
        other is not null && Caller == other.Caller && Region == other.Region && Image == other.Image && Catalogue == other.Catalogue
        && AllGrants == other.AllGrants && TargetRegion == other.TargetRegion && ValueEquality.Items(Accounts, other.Accounts);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Caller, Region, Image, Catalogue, AllGrants, TargetRegion, ValueEquality.Hash(Accounts));
}
