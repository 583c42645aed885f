using ImageRules.Persistence;
using ImageRules.Relational;
using ImageRules.Storage.Tests.Support;
using ImageRules.Tests.Persistence;

namespace ImageRules.Storage.Tests.Persistence;

/// <summary>The database store against the region repository contract, each test on a fresh database.</summary>
public sealed class RelationalRegionRepositoryTests : RegionRepositoryContract
{
    protected override async ValueTask<IRegionRepository> CreateStoreAsync() =>
        new RelationalRegionRepository((await TestDatabase.CreateAsync()).OpenInstance());
}
