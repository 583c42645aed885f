using System.Collections.Immutable;
using ImageRules.Domain;
using ImageRules.Policy;

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

    /// <summary>The catalogue to load with its version; when null and <see cref="Image"/> is set, the image's own (its owner's images in its region) unless <see cref="ImageAsSeen"/>.</summary>
    public CatalogueKey? Catalogue { get; init; }

    /// <summary>True to load every grant of the image (a write); false for the caller's grant only (a read).</summary>
    public bool AllGrants { get; init; }

    /// <summary>
    /// True for a decision that needs the image only if the caller can see it (a get, a launch, a grants read, a copy):
    /// the image and its grants only when the caller can see the image (<see cref="ImagePolicy.KindFor"/>), else nothing
    /// of it, as for a missing id (R6); the image's own catalogue is not loaded either way (a <see cref="Catalogue"/>
    /// named, such as a copy's target, still is). False (the default) loads the image whoever asks, as a publication
    /// needs to tell an id in use anywhere.
    /// </summary>
    public bool ImageAsSeen { get; init; }

    /// <summary>A copy's target region, if any.</summary>
    public RegionId? TargetRegion { get; init; }

    /// <summary>Accounts to look up, such as share recipients.</summary>
    public ImmutableArray<AccountId> Accounts { get; init; } = [];

    /// <summary>
    /// True when a load for this query takes an image the caller cannot see as missing (R6): a read of the image as
    /// seen (<see cref="ImageAsSeen"/>), or a decision (<paramref name="deciding"/>, see <see cref="IImageStore.DecideAsync"/>)
    /// about one image with no catalogue named.
    /// </summary>
    internal bool LoadsAsSeen(bool deciding) => Image is not null && (ImageAsSeen || (deciding && Catalogue is null));

    /// <summary>
    /// <paramref name="facts"/>, loaded for this query, as a load that <see cref="LoadsAsSeen"/> gives them: when the
    /// image is one the caller cannot see (<see cref="ImagePolicy.KindFor"/>, the one visibility rule), no image,
    /// no grants and none of the image's own catalogue, as for a missing id; otherwise unchanged.
    /// </summary>
    internal ImageFacts AsSeen(ImageFacts facts, bool deciding)
    {
        if (!LoadsAsSeen(deciding) || facts.Image is not { } image
            || ImagePolicy.KindFor(image, Caller, Region, facts.Grants.FirstOrDefault(g => g.Recipient == Caller)) is not null)
        {
            return facts;
        }

        return Catalogue is null
            ? facts with { Image = null, Grants = [], Catalogue = [], Version = 0 }
            : facts with { Image = null, Grants = [] };
    }

    /// <summary>Value equality, comparing <see cref="Accounts"/> item by item.</summary>
    public bool Equals(FactsQuery? other) =>
        other is not null && Caller == other.Caller && Region == other.Region && Image == other.Image && Catalogue == other.Catalogue
        && AllGrants == other.AllGrants && ImageAsSeen == other.ImageAsSeen && TargetRegion == other.TargetRegion && ValueEquality.Items(Accounts, other.Accounts);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Caller, Region, Image, Catalogue, AllGrants, ImageAsSeen, TargetRegion, ValueEquality.Hash(Accounts));
}
