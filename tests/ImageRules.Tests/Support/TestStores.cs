global using TestImageStore = ImageRules.Storage.InMemoryImageStore;
using ImageRules.Storage;

namespace ImageRules.Tests.Support;

/// <summary>
/// The store a <see cref="TestWorld"/> runs over: a fresh in-memory one here. The storage test projects compile the
/// same service tests with their own <c>TestStores</c> and <c>TestImageStore</c> over a fresh database, so every
/// service test runs unchanged against every store.
/// </summary>
/// <param name="Images">The one store of regions, accounts, images and grants.</param>
public sealed record TestStores(TestImageStore Images)
{
    /// <summary>A fresh, empty store.</summary>
    public static ValueTask<TestStores> CreateAsync() => ValueTask.FromResult(new TestStores(new InMemoryImageStore()));
}
