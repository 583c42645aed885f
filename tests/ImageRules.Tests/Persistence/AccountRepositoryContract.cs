using ImageRules.Domain;
using ImageRules.Persistence;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Persistence;

/// <summary>
/// What every account store must do, tested only through <see cref="IAccountRepository"/>: a store subclasses this
/// once and supplies a fresh, empty instance.
/// </summary>
public abstract class AccountRepositoryContract
{
    /// <summary>A new store holding nothing.</summary>
    protected abstract ValueTask<IAccountRepository> CreateStoreAsync();

    [Fact]
    public async Task R7_R23_an_account_never_saved_is_not_found()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.FindAsync(Sample.Alice.Id));
        Assert.Empty(await store.FindManyAsync([Sample.Alice.Id]));
    }

    [Fact]
    public async Task R22_R23_a_saved_account_round_trips_with_its_home_region_and_kind()
    {
        var store = await CreateStoreAsync();

        await store.SaveAsync(Sample.Helper);
        await store.SaveAsync(Sample.Sam);

        Assert.Equal(Sample.Helper, await store.FindAsync(Sample.Helper.Id));
        Assert.Equal(Sample.Sam, await store.FindAsync(Sample.Sam.Id));
    }

    [Fact]
    public async Task R23_saving_an_account_again_replaces_it()
    {
        var store = await CreateStoreAsync();
        await store.SaveAsync(Sample.Bob);
        var demoted = Sample.Bob with { Kind = AccountKind.Collaborator, HomeRegion = Sample.Shanghai.Id };

        await store.SaveAsync(demoted);

        Assert.Equal(demoted, await store.FindAsync(Sample.Bob.Id));
        Assert.Equal(demoted, (await store.FindManyAsync([Sample.Bob.Id]))[Sample.Bob.Id]);
    }

    [Fact]
    public async Task R20_R23_finding_many_returns_exactly_those_that_exist_by_id()
    {
        var store = await CreateStoreAsync();
        await store.SaveAsync(Sample.Bob);
        await store.SaveAsync(Sample.Carol);
        await store.SaveAsync(Sample.Helper);
        var unknown = new AccountId("99999999999999999999");

        var found = await store.FindManyAsync([Sample.Carol.Id, unknown, Sample.Bob.Id, Sample.Carol.Id]);

        Assert.Equal(
            new Dictionary<AccountId, Account> { [Sample.Bob.Id] = Sample.Bob, [Sample.Carol.Id] = Sample.Carol },
            found);
        Assert.Empty(await store.FindManyAsync([]));
    }

    [Fact]
    public async Task R7_account_ids_are_matched_exactly_not_by_number()
    {
        var store = await CreateStoreAsync();
        var padded = new Account(new AccountId("0001038493875"), Sample.Guangzhou.Id);
        await store.SaveAsync(padded);
        await store.SaveAsync(Sample.Alice);

        Assert.Equal(padded, await store.FindAsync(padded.Id));
        Assert.Equal(Sample.Alice, await store.FindAsync(Sample.Alice.Id));
    }

    [Fact]
    public async Task R23_accounts_saved_concurrently_are_all_kept()
    {
        var store = await CreateStoreAsync();
        var accounts = Enumerable.Range(1, 400).Select(i => new Account(new AccountId($"7{i:D9}"), Sample.Guangzhou.Id)).ToArray();

        await Parallel.ForEachAsync(accounts, async (account, ct) => await store.SaveAsync(account, ct));

        var found = await store.FindManyAsync(accounts.Select(a => a.Id));
        Assert.Equal(accounts.Length, found.Count);
        Assert.All(accounts, a => Assert.Equal(a, found[a.Id]));
    }
}
