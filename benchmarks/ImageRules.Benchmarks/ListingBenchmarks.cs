using System.Collections.Immutable;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Relational;

namespace ImageRules.Benchmarks;

/// <summary>
/// What one page costs as the viewer's visible set grows (issue 11: "listing cost that follows the page"): the first
/// page of 20 for a viewer with <see cref="Shared"/> images shared to them in one region (1,000, 20,000 or 100,000;
/// plus the 20 public images of the region and 10 of its own), through our service over <see cref="Store"/>, beside a
/// precomputed, sorted list of the viewer's visible images (the floor). The target is a page at 100,000 costing at
/// most twice the page at 1,000 on every store: compare the <c>Service</c> medians across <see cref="Shared"/>.
/// </summary>
/// <remarks>
/// <para>Recipients cannot refuse shares, so other accounts can grow a viewer's visible set at will: this is the cost
/// they can impose. The sharers' images are written straight into the store (<see cref="World.CommitAsync"/>), 500
/// images and their 500 grants per commit, so 100,000 shared images take 200 commits; the store checks no quota, and
/// the catalogues' size does not change what the viewer's listing reads.</para>
/// <para>SQLite is a database file in a temporary folder and PostgreSQL a fresh schema on the server
/// <see cref="StorageBenchmarks.PostgresVariable"/> names, left out when that variable is unset; both are removed
/// after the run. How long the world took to build is printed at the end of the setup. Before measuring, the service
/// must return the floor's page and total.</para>
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ListingBenchmarks
{
    private const string Category = "FirstPageOf20";
    private const int PageSize = 20;
    private const int PerCatalogue = 500;
    private const int OwnImages = 10;

    private readonly AccountId viewer = VisibleImagesWorld.Viewer;
    private readonly DescribeImages firstPage = new(VisibleImagesWorld.Viewer, World.Guangzhou.Id, Limit: PageSize);
    private readonly DescribeImages firstPageByState = new(VisibleImagesWorld.Viewer, World.Guangzhou.Id, new ImageFilter { State = ImageState.Normal }, Limit: PageSize);
    private readonly List<VisibleImage> visible = [];
    private VisibleImage[] sortedVisible = [];
    private World world = null!;
    private DurableStore? durable;

    /// <summary>How many images other accounts have shared with the viewer in the region.</summary>
    [Params(1_000, 20_000, 100_000)]
    public int Shared { get; set; }

    /// <summary>The store the service lists from.</summary>
    [ParamsSource(nameof(Stores))]
    public ListingStore Store { get; set; }

    /// <summary>In memory and SQLite always; PostgreSQL only when <see cref="StorageBenchmarks.PostgresVariable"/> names a server.</summary>
    public static IEnumerable<ListingStore> Stores =>
        DurableStore.PostgresServer is null
            ? [ListingStore.InMemory, ListingStore.Sqlite]
            : [ListingStore.InMemory, ListingStore.Sqlite, ListingStore.PostgreSql];

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        var clock = Stopwatch.StartNew();
        if (Store != ListingStore.InMemory)
        {
            durable = await DurableStore.OpenAsync(Store == ListingStore.Sqlite ? StorageEngine.Sqlite : StorageEngine.PostgreSql);
        }

        world = await World.CreateAsync(durable is null ? null : new RelationalImageStore(durable.Database));
        await world.AddAccountsAsync([viewer]);
        await BuildAsync();
        sortedVisible = [.. visible.OrderByDescending(v => v.Image.CreatedAt).ThenBy(v => v.Image.Id.Value, StringComparer.Ordinal)];
        Console.WriteLine($"// world of {Shared:N0} shared images built in {Store} in {clock.Elapsed.TotalSeconds:F1} s");
        await CheckEveryMemberAsync();
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        if (world?.Store is RelationalImageStore store)
        {
            await store.DisposeAsync();
        }

        if (durable is not null)
        {
            await durable.RemoveAsync();
        }
    }

    /// <summary>The least work: the viewer's visible images, kept sorted in advance; copy out the first page.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Category)]
    public ImagePage Floor() => new(ImmutableArray.Create(sortedVisible, 0, Math.Min(PageSize, sortedVisible.Length)), sortedVisible.Length);

    /// <summary>Our service: account and region checks, then the store's listing of the viewer's visible images, one page.</summary>
    [Benchmark]
    [BenchmarkCategory(Category)]
    public ValueTask<Result<ImagePage>> Service() => world.Service.DescribeImagesAsync(firstPage);

    /// <summary>
    /// The same page filtered by state (every image is <c>Normal</c>, so the same answer): the total must count the
    /// matches, so this costs in proportion to the viewer's visible images, as documented on <see cref="ImageFilter"/>.
    /// </summary>
    [Benchmark]
    [BenchmarkCategory(Category)]
    public ValueTask<Result<ImagePage>> ServiceByState() => world.Service.DescribeImagesAsync(firstPageByState);

    /// <summary>20 public images of Guangzhou, 10 of the viewer's own, and <see cref="Shared"/> images of other accounts granted to the viewer.</summary>
    private async Task BuildAsync()
    {
        long imageNumber = 0;
        var publicImages = Enumerable.Range(0, VisibleImagesWorld.PublicPerRegion).Select(_ => World.PublicImage(++imageNumber, World.Guangzhou, World.Ubuntu)).ToArray();
        await CommitAsync(publicImages, [], ImageKind.Public);
        var own = Enumerable.Range(0, OwnImages).Select(i => World.CustomImage(++imageNumber, viewer, World.Guangzhou, World.CatalogueName(i))).ToArray();
        await CommitAsync(own, [], ImageKind.Custom);
        for (var sharer = 0; sharer * PerCatalogue < Shared; sharer++)
        {
            var owner = World.AccountNumber(2_000_000_001 + sharer);
            var count = Math.Min(PerCatalogue, Shared - (sharer * PerCatalogue));
            var images = Enumerable.Range(0, count).Select(i => World.CustomImage(++imageNumber, owner, World.Guangzhou, World.CatalogueName(i))).ToArray();
            await CommitAsync(images, [.. images.Select(i => World.Grant(i, viewer))], ImageKind.Shared);
        }
    }

    private async Task CommitAsync(Image[] images, ShareGrant[] grants, ImageKind kind)
    {
        await world.CommitAsync(images, grants);
        visible.AddRange(images.Select(i => new VisibleImage(i, kind)));
    }

    /// <summary>Throws unless the service, filtered or not, returns the floor's first page and total.</summary>
    private async Task CheckEveryMemberAsync()
    {
        var floor = Floor();
        foreach (var member in new[] { Service, ServiceByState })
        {
            await CheckAsync(floor, member);
        }
    }

    private async Task CheckAsync(ImagePage floor, Func<ValueTask<Result<ImagePage>>> member)
    {
        if (!(await member()).TryGetValue(out var service, out var refused))
        {
            throw new InvalidOperationException($"the service refuses to list: {refused}");
        }

        var expected = Shared + VisibleImagesWorld.PublicPerRegion + OwnImages;
        if (floor.TotalCount != expected || service.TotalCount != expected || floor.Items.Length != PageSize
            || !floor.Items.Select(v => (v.Image.Id, v.Kind)).SequenceEqual(service.Items.Select(v => (v.Image.Id, v.Kind))))
        {
            throw new InvalidOperationException($"the members disagree on the first page in {Store}: totals {floor.TotalCount} and {service.TotalCount}, expected {expected}");
        }
    }
}
