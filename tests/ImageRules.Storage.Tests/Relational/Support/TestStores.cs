using ImageRules.Relational;
using ImageRules.Storage.Tests.Support;

namespace ImageRules.Tests.Support;

/// <summary>
/// The store a <see cref="TestWorld"/> runs over in the storage test projects: a fresh, empty database of the engine
/// under test (see <see cref="TestDatabase"/>), so the service tests of ImageRules.Tests run here unchanged.
/// </summary>
public static class TestStores
{
    /// <summary>A fresh, empty store over a new database.</summary>
    public static async ValueTask<TestImageStore> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync();
        return new TestImageStore(new RelationalImageStore(database.OpenInstance()), database);
    }
}
