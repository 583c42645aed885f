using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ImageRules.Domain;
using ImageRules.Persistence;
using ImageRules.Policy;

namespace ImageRules.Benchmarks;

/// <summary>
/// The first page of images one account sees in one region (R2–R5) while the world grows from 10,000 to 1,000,000
/// images (<see cref="Images"/>) and what the account sees stays fixed: 20 public, 10 of its own and 20 shared with
/// it, 50 in all. Three ways: a precomputed per-account index (the floor), our service over the in-memory store, and
/// the LINQ full scan a naive implementation does.
/// </summary>
/// <remarks>
/// The rest of the world is other accounts' custom images, ten per account and region over five regions, one in ten
/// of them shared with another account; each region also has 20 public images. Before measuring, the three members
/// must return the same page.
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class DescribeVisibleImagesBenchmarks
{
    private const string Category = "DescribeImages";
    private const int PageSize = 20;
    private const int PublicPerRegion = 20;
    private const int OwnImages = 10;
    private const int SharedImages = 20;
    private const int PerCatalogue = 10;

    private readonly Dictionary<(AccountId Viewer, RegionId Region), VisibleImage[]> visibleIndex = [];
    private readonly List<Image> allImages = [];
    private readonly HashSet<(ImageId Image, AccountId Recipient)> allGrants = [];
    private readonly AccountId viewer = World.AccountNumber(1_000_000_001);
    private readonly RegionId region = World.Guangzhou.Id;
    private World world = null!;
    private long imageNumber;

    /// <summary>How many images the world holds.</summary>
    [Params(10_000, 100_000, 1_000_000)]
    public int Images { get; set; }

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        world = await World.CreateAsync();
        await world.AddAccountsAsync([viewer]);
        foreach (var place in World.AllRegions)
        {
            await CommitAsync([.. Enumerable.Range(0, PublicPerRegion).Select(i => World.PublicImage(++imageNumber, place, World.Ubuntu))], []);
        }

        await CommitAsync(CatalogueOf(viewer, World.Guangzhou, OwnImages), []);
        for (var sharer = 0; sharer < SharedImages / PerCatalogue; sharer++)
        {
            var images = CatalogueOf(World.AccountNumber(2_000_000_001 + sharer), World.Guangzhou, PerCatalogue);
            await CommitAsync(images, [.. images.Select(i => World.Grant(i, viewer))]);
        }

        await AddOtherAccountsImagesAsync();
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
    public ValueTask<Result<ImagePage>> Service() => world.Service.DescribeImagesAsync(viewer, region);

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

    /// <summary>Fills the world up to <see cref="Images"/> with other accounts' catalogues, round the regions.</summary>
    private async Task AddOtherAccountsImagesAsync()
    {
        var catalogues = (Images - imageNumber) / PerCatalogue;
        for (var k = 0; k < catalogues; k++)
        {
            var owner = World.AccountNumber(5_000_000_000 + (k / World.AllRegions.Count));
            var images = CatalogueOf(owner, World.AllRegions[k % World.AllRegions.Count], PerCatalogue);
            await CommitAsync(images, [World.Grant(images[0], World.AccountNumber(5_000_000_000 + (k / World.AllRegions.Count) + 1))]);
        }
    }

    private Image[] CatalogueOf(AccountId owner, Region place, int count) =>
        [.. Enumerable.Range(0, count).Select(i => World.CustomImage(++imageNumber, owner, place, World.CatalogueName(i)))];

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
        var service = (await Service()).Value;
        var scan = LinqScan();
        const int Visible = PublicPerRegion + OwnImages + SharedImages;
        if (world.Store.ImageCount != Images || floor.TotalCount != Visible || service.TotalCount != Visible || scan.TotalCount != Visible
            || !floor.Items.SequenceEqual(service.Items) || !floor.Items.SequenceEqual(scan.Items))
        {
            throw new InvalidOperationException($"the members disagree on a world of {world.Store.ImageCount} images: totals {floor.TotalCount}, {service.TotalCount}, {scan.TotalCount}");
        }
    }
}
