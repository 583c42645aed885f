using System.Collections.Immutable;
using ImageRules.Domain;

namespace ImageRules.Persistence;

/// <summary>Stores the regions of the deployment. Implementations must be thread-safe.</summary>
public interface IRegionRepository
{
    /// <summary>The region, or null.</summary>
    ValueTask<Region?> FindAsync(RegionId id, CancellationToken cancellationToken = default);

    /// <summary>Every region, ordered by id.</summary>
    ValueTask<ImmutableArray<Region>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds the region, or replaces the one with its id.</summary>
    ValueTask SaveAsync(Region region, CancellationToken cancellationToken = default);
}
