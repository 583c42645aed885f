using ImageRules.Domain;
using ImageRules.Storage;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Storage;

/// <summary>
/// <see cref="IImageStore.SaveAccountAsync"/> and <see cref="IImageStore.SaveRegionAsync"/>, read back as a decision's
/// facts: the caller and the accounts named (<see cref="FactsQuery.Accounts"/>), the region and the target region.
/// </summary>
public abstract partial class ImageStoreContract
{
    [Fact]
    public async Task R7_R23_an_account_never_saved_is_not_found()
    {
        var store = await NewStoreAsync();

        var facts = await store.LoadFactsAsync(new FactsQuery(Sample.Alice.Id, Guangzhou) { Accounts = [Sample.Alice.Id] });

        Assert.Null(facts.Caller);
        Assert.Empty(facts.Accounts);
    }

    [Fact]
    public async Task R22_R23_a_saved_account_round_trips_with_its_home_region_and_kind()
    {
        var store = await NewStoreAsync();

        await store.SaveAccountAsync(Sample.Helper);
        await store.SaveAccountAsync(Sample.Sam);

        Assert.Equal(Sample.Helper, await AccountAsync(store, Sample.Helper.Id));
        Assert.Equal(Sample.Sam, await AccountAsync(store, Sample.Sam.Id));
    }

    [Fact]
    public async Task R23_saving_an_account_again_replaces_it()
    {
        var store = await NewStoreAsync();
        await store.SaveAccountAsync(Sample.Bob);
        var demoted = Sample.Bob with { Kind = AccountKind.Collaborator, HomeRegion = Sample.Shanghai.Id };

        await store.SaveAccountAsync(demoted);

        Assert.Equal(demoted, await AccountAsync(store, Sample.Bob.Id));
        Assert.Equal(demoted, (await store.LoadFactsAsync(new FactsQuery(Sample.Alice.Id, Guangzhou) { Accounts = [Sample.Bob.Id] })).Accounts[Sample.Bob.Id]);
    }

    [Fact]
    public async Task R20_R23_the_accounts_named_are_found_exactly_those_that_exist_by_id()
    {
        var store = await NewStoreAsync();
        await store.SaveAccountAsync(Sample.Bob);
        await store.SaveAccountAsync(Sample.Carol);
        await store.SaveAccountAsync(Sample.Helper);
        var unknown = new AccountId("99999999999999999999");

        var facts = await store.LoadFactsAsync(new FactsQuery(Sample.Helper.Id, Guangzhou) { Accounts = [Sample.Carol.Id, unknown, Sample.Bob.Id, Sample.Carol.Id] });

        Assert.Equal(
            new Dictionary<AccountId, Account> { [Sample.Bob.Id] = Sample.Bob, [Sample.Carol.Id] = Sample.Carol },
            facts.Accounts);
        Assert.Equal(Sample.Helper, facts.Caller);
        Assert.Empty((await store.LoadFactsAsync(new FactsQuery(Sample.Helper.Id, Guangzhou) { Accounts = [] })).Accounts);
    }

    [Fact]
    public async Task R7_account_ids_are_matched_exactly_not_by_number()
    {
        var store = await NewStoreAsync();
        var padded = new Account(new AccountId("0001038493875"), Sample.Guangzhou.Id);
        await store.SaveAccountAsync(padded);
        await store.SaveAccountAsync(Sample.Alice);

        Assert.Equal(padded, await AccountAsync(store, padded.Id));
        Assert.Equal(Sample.Alice, await AccountAsync(store, Sample.Alice.Id));
    }

    [Fact]
    public async Task R23_accounts_saved_concurrently_are_all_kept()
    {
        var store = await NewStoreAsync();
        var accounts = Enumerable.Range(1, 400).Select(i => new Account(new AccountId($"7{i:D9}"), Sample.Guangzhou.Id)).ToArray();

        await Parallel.ForEachAsync(accounts, async (account, ct) => await store.SaveAccountAsync(account, ct));

        var found = (await store.LoadFactsAsync(new FactsQuery(Sample.Alice.Id, Guangzhou) { Accounts = [.. accounts.Select(a => a.Id)] })).Accounts;
        Assert.Equal(accounts.Length, found.Count);
        Assert.All(accounts, a => Assert.Equal(a, found[a.Id]));
    }

    [Fact]
    public async Task R7_a_region_never_saved_is_not_found_as_the_region_nor_as_the_target()
    {
        var store = await NewStoreAsync();

        var facts = await store.LoadFactsAsync(new FactsQuery(Sample.Alice.Id, Guangzhou) { TargetRegion = Shanghai });

        Assert.Null(facts.Region);
        Assert.Null(facts.TargetRegion);
    }

    [Fact]
    public async Task R14_R15_R31_a_saved_region_round_trips_with_every_flag()
    {
        var store = await NewStoreAsync();
        var saoPaulo = new Region(new("sa-saopaulo"), "South America (São Paulo) 'quoted' 区域", IsChineseMainland: false, ChargesWindowsLicenceFee: true, SupportsCopy: true, SupportsImport: false);

        await store.SaveRegionAsync(Sample.Finance);
        await store.SaveRegionAsync(Sample.Singapore);
        await store.SaveRegionAsync(saoPaulo);

        Assert.Equal(Sample.Finance, await RegionAsync(store, Sample.Finance.Id));
        Assert.Equal(Sample.Singapore, await RegionAsync(store, Sample.Singapore.Id));
        Assert.Equal(saoPaulo, await RegionAsync(store, saoPaulo.Id));
    }

    [Fact]
    public async Task R14_saving_a_region_again_replaces_it()
    {
        var store = await NewStoreAsync();
        await store.SaveRegionAsync(Sample.Shanghai);
        var closed = Sample.Shanghai with { DisplayName = "closed", SupportsCopy = false };

        await store.SaveRegionAsync(closed);

        Assert.Equal(closed, await RegionAsync(store, Sample.Shanghai.Id));
    }

    [Fact]
    public async Task R7_R14_every_region_saved_is_found_by_its_exact_id_as_the_region_and_as_the_target()
    {
        // 0.1's region repository also listed every region; the store has no listing, only lookups by id.
        var store = await NewStoreAsync();
        Region[] regions = [.. Sample.Regions, Sample.Shanghai with { Id = new("ap-shanghai2") }, Sample.Singapore with { Id = new("na-ashburn") }];
        foreach (var region in regions.Reverse())
        {
            await store.SaveRegionAsync(region);
        }

        foreach (var (region, target) in regions.Zip(regions.Skip(1).Append(regions[0])))
        {
            var facts = await store.LoadFactsAsync(new FactsQuery(Sample.Alice.Id, region.Id) { TargetRegion = target.Id });
            Assert.Equal((region, target), (facts.Region, facts.TargetRegion));
        }

        Assert.Null(await RegionAsync(store, new RegionId("ap-shanghai3")));
    }

    [Fact]
    public async Task R7_regions_saved_concurrently_are_all_kept()
    {
        var store = await NewStoreAsync();
        var regions = Enumerable.Range(1, 200).Select(i => Sample.Guangzhou with { Id = new($"ap-zone{i}") }).ToArray();

        await Parallel.ForEachAsync(regions, async (region, ct) => await store.SaveRegionAsync(region, ct));

        foreach (var region in regions)
        {
            Assert.Equal(region, await RegionAsync(store, region.Id));
        }
    }

    /// <summary>The account with this id as a caller's facts find it, or null.</summary>
    private static async Task<Account?> AccountAsync(IImageStore store, AccountId id) =>
        (await store.LoadFactsAsync(new FactsQuery(id, Guangzhou))).Caller;

    /// <summary>The region with this id as a request's facts find it, or null.</summary>
    private static async Task<Region?> RegionAsync(IImageStore store, RegionId id) =>
        (await store.LoadFactsAsync(new FactsQuery(Sample.Alice.Id, id))).Region;
}
