using ImageRules.Relational;
using ImageRules.Storage.Tests.Support;
using ImageRules.Tests.Storage;

namespace ImageRules.Storage.Tests;

/// <summary>The database store against the store contract, each test on a fresh database.</summary>
public sealed class RelationalImageStoreTests : ImageStoreContract
{
    protected override async ValueTask<IImageStore> CreateStoreAsync() =>
        new RelationalImageStore((await TestDatabase.CreateAsync()).OpenInstance());
}
