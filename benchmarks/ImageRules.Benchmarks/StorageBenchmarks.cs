using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Relational;
using ImageRules.Storage;

namespace ImageRules.Benchmarks;

/// <summary>
/// What a durable store costs: our service over SQLite or PostgreSQL (<see cref="Store"/>) beside the same service
/// over the in-memory store, the baseline of every category, so <c>Ratio</c> reads "times in-memory". Two questions:
/// the first page of what one account sees in one region in a world of 10,000 images (R2–R5,
/// <see cref="VisibleImagesWorld"/>), and sharing a <c>Normal</c> image with 1 or 50 accounts then cancelling (R20–R24,
/// one round trip as in <see cref="ShareBenchmarks"/>).
/// </summary>
/// <remarks>
/// <para>Both worlds are built alike, one store commit per catalogue. SQLite is a database file in a temporary
/// folder; PostgreSQL is a fresh schema on the server <see cref="PostgresVariable"/> names and is left out of the run
/// when that variable is unset. Both are removed after the run.</para>
/// <para>Before measuring, both services must return the same page and complete both round trips.</para>
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class StorageBenchmarks
{
    /// <summary>The environment variable holding a PostgreSQL server's connection string.</summary>
    public const string PostgresVariable = "IMAGERULES_POSTGRES";

    private const string DescribeCategory = "Describe";
    private const string ShareWith1Category = "ShareWith1";
    private const string ShareWith50Category = "ShareWith50";
    private const int WorldImages = 10_000;
    private const int MostRecipients = 50;

    private readonly AccountId viewer = VisibleImagesWorld.Viewer;
    private readonly RegionId region = World.Guangzhou.Id;
    private readonly AccountId[] recipients = [.. Enumerable.Range(1, MostRecipients).Select(i => World.AccountNumber(3_000_000_000 + i))];
    private readonly DescribeImages firstPage = new(VisibleImagesWorld.Viewer, World.Guangzhou.Id);
    private World inMemory = null!;
    private World durable = null!;
    private ImageId image;
    private ImmutableArray<AccountId> oneRecipient = [];
    private ImmutableArray<AccountId> allRecipients = [];
    private DurableStore database = null!;

    /// <summary>The durable store set beside the in-memory one.</summary>
    [ParamsSource(nameof(Engines))]
    public StorageEngine Store { get; set; }

    /// <summary>SQLite always; PostgreSQL only when <see cref="PostgresVariable"/> names a server.</summary>
    public static IEnumerable<StorageEngine> Engines =>
        DurableStore.PostgresServer is null ? [StorageEngine.Sqlite] : [StorageEngine.Sqlite, StorageEngine.PostgreSql];

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        database = await DurableStore.OpenAsync(Store);
        durable = await World.CreateAsync(new RelationalImageStore(database.Database));
        inMemory = await World.CreateAsync();
        foreach (var world in new[] { inMemory, durable })
        {
            await world.AddAccountsAsync([viewer, .. recipients]);
            await VisibleImagesWorld.BuildAsync(WorldImages, (catalogue, grants) => world.CommitAsync(catalogue, grants));
        }

        image = (await inMemory.LoadFactsAsync(new FactsQuery(viewer, region) { Catalogue = new CatalogueKey(viewer, region) })).Catalogue[0].Id;
        oneRecipient = [recipients[0]];
        allRecipients = [.. recipients];
        await CheckEveryMemberAsync();
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        await ((RelationalImageStore)durable.Store).DisposeAsync(); // the store owns its database and empties its connection pool
        await database.RemoveAsync();
    }

    /// <summary>The viewer's first page through the in-memory store.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(DescribeCategory)]
    public ValueTask<Result<ImagePage>> DescribeInMemory() => inMemory.Service.DescribeImagesAsync(firstPage);

    /// <summary>The viewer's first page through the durable store.</summary>
    [Benchmark]
    [BenchmarkCategory(DescribeCategory)]
    public ValueTask<Result<ImagePage>> Describe() => durable.Service.DescribeImagesAsync(firstPage);

    /// <summary>Share with one account and cancel, in memory.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(ShareWith1Category)]
    public ValueTask<Result<ImageSharingCancelled>> ShareWith1InMemory() => ShareThenCancelAsync(inMemory, oneRecipient);

    /// <summary>Share with one account and cancel, in the durable store.</summary>
    [Benchmark]
    [BenchmarkCategory(ShareWith1Category)]
    public ValueTask<Result<ImageSharingCancelled>> ShareWith1() => ShareThenCancelAsync(durable, oneRecipient);

    /// <summary>Share with 50 accounts and cancel, in memory.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(ShareWith50Category)]
    public ValueTask<Result<ImageSharingCancelled>> ShareWith50InMemory() => ShareThenCancelAsync(inMemory, allRecipients);

    /// <summary>Share with 50 accounts and cancel, in the durable store.</summary>
    [Benchmark]
    [BenchmarkCategory(ShareWith50Category)]
    public ValueTask<Result<ImageSharingCancelled>> ShareWith50() => ShareThenCancelAsync(durable, allRecipients);

    /// <summary>Share the viewer's image, then cancel the same grants, so the next invocation starts from no grant.</summary>
    private async ValueTask<Result<ImageSharingCancelled>> ShareThenCancelAsync(World world, ImmutableArray<AccountId> with)
    {
        var shared = await world.Service.ShareImageAsync(new ShareImage(viewer, region, image, with));
        return shared.TryGetValue(out _, out var refused)
            ? await world.Service.CancelSharingAsync(new CancelSharing(viewer, region, image, with))
            : refused;
    }

    /// <summary>Throws unless both stores give the same page of 50 visible images and every round trip succeeds, leaving no grant.</summary>
    private async Task CheckEveryMemberAsync()
    {
        var expected = (await DescribeInMemory()).Value;
        var page = (await Describe()).Value;
        if (expected.TotalCount != VisibleImagesWorld.Visible || page.TotalCount != expected.TotalCount
            || !expected.Items.Select(v => (v.Image.Id, v.Kind)).SequenceEqual(page.Items.Select(v => (v.Image.Id, v.Kind))))
        {
            throw new InvalidOperationException($"the stores disagree on the first page: totals {expected.TotalCount} and {page.TotalCount}");
        }

        ImmutableArray<Result<ImageSharingCancelled>> trips =
            [await ShareWith1InMemory(), await ShareWith1(), await ShareWith50InMemory(), await ShareWith50()];
        var left = (await GrantsLeftAsync(inMemory)) + (await GrantsLeftAsync(durable));
        if (trips.Any(t => !t.IsSuccess) || left != 0)
        {
            throw new InvalidOperationException($"a share round trip failed: {string.Join(", ", trips)}, grants left {left}");
        }
    }

    private async Task<int> GrantsLeftAsync(World world) =>
        (await world.LoadFactsAsync(new FactsQuery(viewer, region) { Image = image, AllGrants = true })).Grants.Length;
}
