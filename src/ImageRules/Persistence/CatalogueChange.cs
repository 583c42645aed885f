using System.Collections.Immutable;
using ImageRules.Domain;

namespace ImageRules.Persistence;

/// <summary>
/// One atomic, conditional write to a catalogue: applied whole only if the catalogue is still at
/// <see cref="ExpectedVersion"/>, and then the version advances by one. See <see cref="IImageRepository.TryCommitAsync"/>.
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

    /// <summary>Images replaced by a changed copy; each must exist in the catalogue.</summary>
    public ImmutableArray<Image> Updated { get; init; } = [];

    /// <summary>Images removed; each must exist in the catalogue and have no grant left after this change.</summary>
    public ImmutableArray<ImageId> Deleted { get; init; } = [];

    /// <summary>Grants made; none may exist already.</summary>
    public ImmutableArray<ShareGrant> GrantsAdded { get; init; } = [];

    /// <summary>Grants removed; each must exist.</summary>
    public ImmutableArray<ShareGrant> GrantsRemoved { get; init; } = [];
}
