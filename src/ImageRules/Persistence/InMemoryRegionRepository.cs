using System.Collections.Concurrent;
using System.Collections.Immutable;
using ImageRules.Domain;

namespace ImageRules.Persistence;

/// <summary>A thread-safe in-memory <see cref="IRegionRepository"/>.</summary>
public sealed class InMemoryRegionRepository : IRegionRepository
{
    private readonly ConcurrentDictionary<RegionId, Region> regions = new();

    /// <inheritdoc/>
    public ValueTask<Region?> FindAsync(RegionId id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(regions.GetValueOrDefault(id));

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<Region>> ListAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(regions.Values.OrderBy(r => r.Id.Value, StringComparer.Ordinal).ToImmutableArray());

    /// <inheritdoc/>
    public ValueTask SaveAsync(Region region, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(region);
        regions[region.Id] = region;
        return ValueTask.CompletedTask;
    }
}
