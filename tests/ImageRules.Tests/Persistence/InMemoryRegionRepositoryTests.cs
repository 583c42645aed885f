using ImageRules.Persistence;

namespace ImageRules.Tests.Persistence;

/// <summary>The in-memory store against the region repository contract.</summary>
public sealed class InMemoryRegionRepositoryTests : RegionRepositoryContract
{
    protected override ValueTask<IRegionRepository> CreateStoreAsync() => ValueTask.FromResult<IRegionRepository>(new InMemoryRegionRepository());
}
