using System.Collections.Immutable;
using ImageRules.Domain;

namespace ImageRules.Policy;

/// <summary>
/// Everything the engine needs to decide one request, loaded by a store in one read at one catalogue version
/// (as Cedar's entities are to its authorizer): who calls, where, the image and its grants, the catalogue the decision
/// would write, and the clock and id a new image would take. The engine derives the rest (the caller's grant, the
/// image's kind) itself.
/// </summary>
/// <remarks>Immutable. A missing fact is null or empty, and the engine answers it with the provider's code
/// (an unknown caller is <see cref="Failures.AccountNotFound"/>, an absent image <see cref="Failures.ImageNotFound"/>).</remarks>
public sealed record ImageFacts
{
    /// <summary>The calling account; null when no account has the request's id.</summary>
    public Account? Caller { get; init; }

    /// <summary>The region the request addresses; null when it does not exist.</summary>
    public Region? Region { get; init; }

    /// <summary>The image the request names, wherever it lives; null when no image has the id.</summary>
    public Image? Image { get; init; }

    /// <summary>The image's grants: every one for a write; for a read, at least the caller's.</summary>
    public ImmutableArray<ShareGrant> Grants { get; init; } = [];

    /// <summary>Every image (any state) of the catalogue the decision would write: the image owner's in its region, or the caller's in the region (create, import) or in the target region (copy).</summary>
    public ImmutableArray<Image> Catalogue { get; init; } = [];

    /// <summary>The catalogue's version, which a commit of this decision expects (0 for a catalogue never written).</summary>
    public long Version { get; init; }

    /// <summary>A copy's target region; null when it does not exist.</summary>
    public Region? TargetRegion { get; init; }

    /// <summary>The share recipients that exist, by id; a recipient missing here is <see cref="Failures.AccountNotFound"/>.</summary>
    public ImmutableDictionary<AccountId, Account> Accounts { get; init; } = ImmutableDictionary<AccountId, Account>.Empty;

    /// <summary>The current time: when a change happens, and what decides an expired transition (R37).</summary>
    public DateTimeOffset Now { get; init; }

    /// <summary>The id a new image (create, import, copy) takes, unused anywhere.</summary>
    public ImageId NewImageId { get; init; }

    /// <summary>Value equality, comparing <see cref="Grants"/>, <see cref="Catalogue"/> and <see cref="Accounts"/> item by item.</summary>
    public bool Equals(ImageFacts? other) =>
        other is not null && Equals(Caller, other.Caller) && Equals(Region, other.Region) && Equals(Image, other.Image)
        && ValueEquality.Items(Grants, other.Grants) && ValueEquality.Items(Catalogue, other.Catalogue) && Version == other.Version
        && Equals(TargetRegion, other.TargetRegion) && ValueEquality.Entries(Accounts, other.Accounts) && Now == other.Now && NewImageId == other.NewImageId;

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(Caller, Region, Image, ValueEquality.Hash(Grants), ValueEquality.Hash(Catalogue), Version, Now, NewImageId);
}
