global using TestImageStore = ImageRules.Storage.InMemoryImageStore;
using ImageRules.Storage;

namespace ImageRules.Tests.Support;

/// <summary>
/// The store a <see cref="TestWorld"/> runs over: a fresh in-memory one here. The storage test projects compile the
/// same service tests with their own <c>TestStores</c> and <c>TestImageStore</c> over a fresh database, so every
/// service test runs unchanged against every store.
/// </summary>
public static class TestStores
{
    /// <summary>A fresh, empty store.</summary>
    public static ValueTask<TestImageStore> CreateAsync() => ValueTask.FromResult(new InMemoryImageStore());
}
