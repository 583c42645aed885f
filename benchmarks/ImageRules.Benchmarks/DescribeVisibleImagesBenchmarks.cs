using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Storage;

namespace ImageRules.Benchmarks;

/// <summary>
/// The first page of images one account sees in one region (R2–R5) while the world grows from 10,000 to 1,000,000
/// images (<see cref="Images"/>) and what the account sees stays fixed: 20 public, 10 of its own and 20 shared with
/// it, 50 in all. Three ways: a precomputed per-account index (the floor), our service over the in-memory store, and
/// the LINQ full scan a naive implementation does.
/// </summary>
/// <remarks>
/// The world is <see cref="VisibleImagesWorld"/>'s. Before measuring, the three members must return the same page.
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class DescribeVisibleImagesBenchmarks
{
    private const string Category = "DescribeImages";
    private const int PageSize = 20;

    private readonly Dictionary<(AccountId Viewer, RegionId Region), VisibleImage[]> visibleIndex = [];
    private readonly List<Image> allImages = [];
    private readonly HashSet<(ImageId Image, AccountId Recipient)> allGrants = [];
    private readonly AccountId viewer = VisibleImagesWorld.Viewer;
    private readonly RegionId region = World.Guangzhou.Id;
    private readonly InMemoryImageStore store = new();
    private readonly DescribeImages firstPage = new(VisibleImagesWorld.Viewer, World.Guangzhou.Id);
    private World world = null!;

    /// <summary>How many images the world holds.</summary>
    [Params(10_000, 100_000, 1_000_000)]
    public int Images { get; set; }

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        world = await World.CreateAsync(store);
        await world.AddAccountsAsync([viewer]);
        await VisibleImagesWorld.BuildAsync(Images, CommitAsync);
        visibleIndex[(viewer, region)] = [.. DescribeByScan(int.MaxValue).Items];
        await CheckEveryMemberAsync();
    }

    /// <summary>The least work: the viewer's visible images, kept sorted in advance; copy out the first page.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Category)]
    public ImagePage Floor()
    {
        var visible = visibleIndex[(viewer, region)];
        return new ImagePage(ImmutableArray.Create(visible, 0, Math.Min(PageSize, visible.Length)), visible.Length);
    }

    /// <summary>Our service: account and region checks, then the store's per-catalogue and per-recipient indexes.</summary>
    [Benchmark]
    [BenchmarkCategory(Category)]
    public ValueTask<Result<ImagePage>> Service() => world.Service.DescribeImagesAsync(firstPage);

    /// <summary>The naive way: filter every image in the world with LINQ, sort what is left, take a page.</summary>
    [Benchmark]
    [BenchmarkCategory(Category)]
    public ImagePage LinqScan() => DescribeByScan(PageSize);

    private ImagePage DescribeByScan(int pageSize)
    {
        var visible = allImages
            .Where(i => i.Region == region && (i.Owner is null || i.Owner == viewer || allGrants.Contains((i.Id, viewer))))
            .Select(i => new VisibleImage(i, i.Owner is null ? ImageKind.Public : i.Owner == viewer ? ImageKind.Custom : ImageKind.Shared))
            .OrderByDescending(v => v.Image.CreatedAt)
            .ThenBy(v => v.Image.Id.Value, StringComparer.Ordinal)
            .ToList();
        return new ImagePage([.. visible.Take(pageSize)], visible.Count);
    }

    private async Task CommitAsync(Image[] images, ShareGrant[] grants)
    {
        await world.CommitAsync(images, grants);
        allImages.AddRange(images);
        allGrants.UnionWith(grants.Select(g => (g.ImageId, g.Recipient)));
    }

    /// <summary>Throws unless the world has the size asked and the three members return the same first page of 50 visible images.</summary>
    private async Task CheckEveryMemberAsync()
    {
        var floor = Floor();
        if (!(await Service()).TryGetValue(out var service, out var refused))
        {
            throw new InvalidOperationException($"the service refuses to describe the world: {refused}");
        }

        var scan = LinqScan();
        const int Visible = VisibleImagesWorld.Visible;
        if (store.ImageCount != Images || floor.TotalCount != Visible || service.TotalCount != Visible || scan.TotalCount != Visible
            || !floor.Items.SequenceEqual(service.Items) || !floor.Items.SequenceEqual(scan.Items))
        {
            throw new InvalidOperationException($"the members disagree on a world of {store.ImageCount} images: totals {floor.TotalCount}, {service.TotalCount}, {scan.TotalCount}");
        }
    }
}
