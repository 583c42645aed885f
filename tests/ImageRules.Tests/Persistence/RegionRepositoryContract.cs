using ImageRules.Domain;
using ImageRules.Persistence;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Persistence;

/// <summary>
/// What every region store must do, tested only through <see cref="IRegionRepository"/>: a store subclasses this once
/// and supplies a fresh, empty instance.
/// </summary>
public abstract class RegionRepositoryContract
{
    /// <summary>A new store holding nothing.</summary>
    protected abstract ValueTask<IRegionRepository> CreateStoreAsync();

    [Fact]
    public async Task R7_a_region_never_saved_is_not_found_and_an_empty_store_lists_none()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.FindAsync(Sample.Guangzhou.Id));
        Assert.Empty(await store.ListAsync());
    }

    [Fact]
    public async Task R14_R15_R31_a_saved_region_round_trips_with_every_flag()
    {
        var store = await CreateStoreAsync();
        var saoPaulo = new Region(new("sa-saopaulo"), "South America (São Paulo) 'quoted' 区域", IsChineseMainland: false, ChargesWindowsLicenceFee: true, SupportsCopy: true, SupportsImport: false);

        await store.SaveAsync(Sample.Finance);
        await store.SaveAsync(Sample.Singapore);
        await store.SaveAsync(saoPaulo);

        Assert.Equal(Sample.Finance, await store.FindAsync(Sample.Finance.Id));
        Assert.Equal(Sample.Singapore, await store.FindAsync(Sample.Singapore.Id));
        Assert.Equal(saoPaulo, await store.FindAsync(saoPaulo.Id));
    }

    [Fact]
    public async Task R14_saving_a_region_again_replaces_it()
    {
        var store = await CreateStoreAsync();
        await store.SaveAsync(Sample.Shanghai);
        var closed = Sample.Shanghai with { DisplayName = "closed", SupportsCopy = false };

        await store.SaveAsync(closed);

        Assert.Equal(closed, await store.FindAsync(Sample.Shanghai.Id));
        Assert.Equal(new[] { closed }, await store.ListAsync());
    }

    [Fact]
    public async Task R7_every_region_is_listed_ordered_by_id()
    {
        var store = await CreateStoreAsync();
        Region[] regions = [.. Sample.Regions, Sample.Shanghai with { Id = new("ap-shanghai2") }, Sample.Singapore with { Id = new("na-ashburn") }];
        foreach (var region in regions.Reverse())
        {
            await store.SaveAsync(region);
        }

        var listed = await store.ListAsync();

        Assert.Equal(regions.OrderBy(r => r.Id.Value, StringComparer.Ordinal), listed);
    }

    [Fact]
    public async Task R7_regions_saved_concurrently_are_all_kept()
    {
        var store = await CreateStoreAsync();
        var regions = Enumerable.Range(1, 200).Select(i => Sample.Guangzhou with { Id = new($"ap-zone{i}") }).ToArray();

        await Parallel.ForEachAsync(regions, async (region, ct) => await store.SaveAsync(region, ct));

        Assert.Equal(regions.OrderBy(r => r.Id.Value, StringComparer.Ordinal), await store.ListAsync());
    }
}
