using ImageRules.Relational;
using ImageRules.Storage.Tests.Support;
using ImageRules.Tests.Persistence;

namespace ImageRules.Storage.Tests.Persistence;

/// <summary>The database store against the image repository contract, each test on a fresh database.</summary>
public sealed class RelationalImageStoreTests : ImageRepositoryContract<RelationalImageStore>
{
    protected override async ValueTask<RelationalImageStore> CreateStoreAsync() =>
        new((await TestDatabase.CreateAsync()).OpenInstance());
}
