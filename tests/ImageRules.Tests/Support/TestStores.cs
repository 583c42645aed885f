global using TestImageStore = ImageRules.Persistence.InMemoryImageStore;
using ImageRules.Persistence;

namespace ImageRules.Tests.Support;

/// <summary>
/// The stores a <see cref="TestWorld"/> runs over: fresh in-memory ones here. The storage test projects compile the
/// same service tests with their own <c>TestStores</c> and <c>TestImageStore</c> over a fresh database, so every
/// service test runs unchanged against every store.
/// </summary>
public sealed record TestStores(TestImageStore Images, IAccountRepository Accounts, IRegionRepository Regions)
{
    /// <summary>Fresh, empty stores.</summary>
    public static ValueTask<TestStores> CreateAsync() =>
        ValueTask.FromResult(new TestStores(new InMemoryImageStore(), new InMemoryAccountRepository(), new InMemoryRegionRepository()));
}
