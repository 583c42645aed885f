using System.Collections.Immutable;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Storage;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Storage;

/// <summary>
/// What every <see cref="IImageStore"/> must do, tested only through that interface: a store subclasses this once and
/// supplies a fresh, empty instance. The cases are split by member: commits (<c>ImageStoreContract.Commits.cs</c>),
/// loads of facts (<c>.Facts.cs</c>), listings (<c>.Visibility.cs</c>), and accounts and regions
/// (<c>.AccountsAndRegions.cs</c>). Stores that are disposable are disposed after each test.
/// </summary>
public abstract partial class ImageStoreContract : IAsyncLifetime
{
    private static readonly RegionId Guangzhou = Sample.Guangzhou.Id;
    private static readonly RegionId Shanghai = Sample.Shanghai.Id;

    private readonly List<IImageStore> created = [];

    /// <summary>A new store holding nothing.</summary>
    protected abstract ValueTask<IImageStore> CreateStoreAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in created)
        {
            if (store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    /// <summary>A new, empty store under test, disposed after the test.</summary>
    private async Task<IImageStore> NewStoreAsync()
    {
        var store = await CreateStoreAsync();
        created.Add(store);
        return store;
    }

    private static CatalogueKey Key(Account owner, Region region) => new(owner.Id, region.Id);

    private static CatalogueChange Change(CatalogueKey key, long expectedVersion) => new() { Key = key, ExpectedVersion = expectedVersion };

    private static ImmutableHashSet<ImageId> Ids(IEnumerable<Image> images) => [.. images.Select(i => i.Id)];

    private static PageRequest Page(int offset, int limit) => PageRequest.Create(offset, limit).Value;

    private static Image Aged(Image image, int daysOld) => image with { CreatedAt = Sample.Now.AddDays(-daysOld) };

    /// <summary>The catalogue <paramref name="key"/> at its current version, as a decision writing it would load it.</summary>
    internal static async Task<ImageFacts> CatalogueAsync(IImageStore store, CatalogueKey key) =>
        await store.LoadFactsAsync(new FactsQuery(key.Owner ?? Sample.Alice.Id, key.Region) { Catalogue = key });

    /// <summary>Every grant of the image, as a write about it loads them.</summary>
    internal static async Task<ImmutableArray<ShareGrant>> GrantsAsync(IImageStore store, ImageId image) =>
        (await store.LoadFactsAsync(new FactsQuery(Sample.Alice.Id, Guangzhou) { Image = image, AllGrants = true })).Grants;

    /// <summary>The grant of the image to <paramref name="recipient"/>, as a read by the recipient loads it, or null.</summary>
    internal static async Task<ShareGrant?> GrantAsync(IImageStore store, ImageId image, AccountId recipient) =>
        Assert.Single((await store.LoadFactsAsync(new FactsQuery(recipient, Guangzhou) { Image = image })).Grants.Cast<ShareGrant?>().DefaultIfEmpty());

    /// <summary>Commits <paramref name="edit"/> of an empty change at the catalogue's current version, which must succeed.</summary>
    internal static async Task CommitAsync(IImageStore store, CatalogueKey key, Func<CatalogueChange, CatalogueChange> edit)
    {
        var catalogue = await CatalogueAsync(store, key);
        Assert.True(await store.TryCommitAsync(edit(Change(key, catalogue.Version))), $"commit to {key} refused");
    }

    /// <summary>Adds the images, one commit per catalogue.</summary>
    internal static async Task AddAsync(IImageStore store, params Image[] images)
    {
        foreach (var group in images.GroupBy(CatalogueKey.Of))
        {
            await CommitAsync(store, group.Key, c => c with { Added = [.. group] });
        }
    }

    /// <summary>Grants <paramref name="image"/> to <paramref name="recipient"/>.</summary>
    internal static async Task<ShareGrant> ShareAsync(IImageStore store, Image image, Account recipient)
    {
        var grant = Sample.Grant(image, recipient);
        await CommitAsync(store, CatalogueKey.Of(image), c => c with { GrantsAdded = [grant] });
        return grant;
    }

    /// <summary>Every image <paramref name="viewer"/> sees in <paramref name="region"/> through <paramref name="filter"/>, in listing order.</summary>
    internal static async Task<ImmutableArray<Image>> QueryAsync(IImageStore store, Account viewer, RegionId region, ImageFilter filter)
    {
        var page = await store.QueryVisibleAsync(viewer.Id, region, filter, Page(0, PageRequest.MaxLimit));
        return [.. page.Items.Select(v => v.Image)];
    }

    /// <summary>The images shared with <paramref name="recipient"/> that it sees in <paramref name="region"/>: the grants it holds there.</summary>
    internal static async Task<ImmutableHashSet<ImageId>> HeldAsync(IImageStore store, Account recipient, RegionId region) =>
        Ids(await QueryAsync(store, recipient, region, new ImageFilter { Kind = ImageKind.Shared }));

    /// <summary>Saves <see cref="Sample.Regions"/> and <see cref="Sample.Accounts"/>.</summary>
    internal static async Task SeedAsync(IImageStore store)
    {
        foreach (var region in Sample.Regions)
        {
            await store.SaveRegionAsync(region);
        }

        foreach (var account in Sample.Accounts)
        {
            await store.SaveAccountAsync(account);
        }
    }

    private static async Task<bool> CommitOrRefuseAsync(IImageStore store, CatalogueChange change)
    {
        try
        {
            return await store.TryCommitAsync(change);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
