using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Relational;
using ImageRules.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ImageRules.Storage.Tests.Support;

/// <summary>
/// One service instance as a host runs it: its own store over the database (so its own connection pool), its own
/// random ids and clock. Several over one <see cref="TestDatabase"/> stand for several processes.
/// </summary>
public sealed class ServiceInstance : IAsyncDisposable
{
    private ServiceInstance(RelationalDatabase database, ImageRulesOptions options, TimeProvider? clock, IEnumerable<IImageEventObserver>? observers)
    {
        Database = database;
        Images = new RelationalImageStore(database);
        Policy = new ImagePolicy(options);
        Service = new ImageService(Policy, Images, new RandomImageIdGenerator(), clock ?? new FakeTimeProvider(Sample.Now), observers);
    }

    /// <summary>The database, owned by <see cref="Images"/>.</summary>
    public RelationalDatabase Database { get; }

    public RelationalImageStore Images { get; }

    public ImagePolicy Policy { get; }

    public ImageService Service { get; }

    /// <summary>An instance over <paramref name="database"/>, on its own fake clock at <see cref="Sample.Now"/> unless given one (instances may share a clock, as hosts share the time).</summary>
    public static ServiceInstance Over(TestDatabase database, ImageRulesOptions? options = null, TimeProvider? clock = null, IEnumerable<IImageEventObserver>? observers = null) =>
        Using(database.OpenInstance(), options, clock, observers);

    /// <summary>An instance over <paramref name="database"/>, a handle the test made itself (say, with its own connection settings).</summary>
    public static ServiceInstance Using(RelationalDatabase database, ImageRulesOptions? options = null, TimeProvider? clock = null, IEnumerable<IImageEventObserver>? observers = null) =>
        new(database, options ?? new ImageRulesOptions(), clock, observers);

    /// <summary>Saves <see cref="Sample.Regions"/>, <see cref="Sample.Accounts"/> and <paramref name="extra"/> root accounts of Guangzhou, returning those.</summary>
    public async Task<AccountId[]> SeedAsync(int extra = 0, int series = 5)
    {
        foreach (var region in Sample.Regions)
        {
            await Service.SaveRegionAsync(region);
        }

        foreach (var account in Sample.Accounts)
        {
            await Service.SaveAccountAsync(account);
        }

        var added = Enumerable.Range(1, extra).Select(i => new AccountId($"{series}{i:D9}")).ToArray();
        foreach (var id in added)
        {
            await Service.SaveAccountAsync(new Account(id, Sample.Guangzhou.Id));
        }

        return added;
    }

    public ValueTask DisposeAsync() => Images.DisposeAsync();
}
