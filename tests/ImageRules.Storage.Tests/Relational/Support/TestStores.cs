using ImageRules.Persistence;
using ImageRules.Relational;
using ImageRules.Storage.Tests.Support;

namespace ImageRules.Tests.Support;

/// <summary>
/// The stores a <see cref="TestWorld"/> runs over in the storage test projects: every repository over a fresh, empty
/// database of the engine under test (see <see cref="TestDatabase"/>), so the service tests of ImageRules.Tests run
/// here unchanged.
/// </summary>
public sealed record TestStores(TestImageStore Images, IAccountRepository Accounts, IRegionRepository Regions)
{
    /// <summary>Fresh, empty stores over a new database.</summary>
    public static async ValueTask<TestStores> CreateAsync()
    {
        var database = (await TestDatabase.CreateAsync()).OpenInstance();
        return new(new TestImageStore(new RelationalImageStore(database)), new RelationalAccountRepository(database), new RelationalRegionRepository(database));
    }
}
