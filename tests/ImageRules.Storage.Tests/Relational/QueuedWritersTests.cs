using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Relational;
using ImageRules.Storage.Tests.Support;
using ImageRules.Tests.Storage;
using ImageRules.Tests.Support;

namespace ImageRules.Storage.Tests;

/// <summary>
/// Racing writers of one catalogue queue instead of failing (issue 11): <see cref="RelationalImageStore.DecideAsync"/>
/// holds the catalogue (PostgreSQL's row lock, SQLite's write lock) while the facts are loaded, decided on and
/// committed, so two service instances over one database give exactly the limit and never
/// <see cref="ConcurrentModification"/>, every round.
/// </summary>
public class QueuedWritersTests
{
    private const int Rounds = 3;

    [Fact]
    public async Task R21_eighty_shares_of_one_image_racing_from_two_instances_grant_exactly_50_and_refuse_30_as_OverQuota_every_round()
    {
        var database = await TestDatabase.CreateAsync();
        await using var first = ServiceInstance.Over(database);
        await using var second = ServiceInstance.Over(database);
        var recipients = await first.SeedAsync(extra: 80);
        var limit = first.Policy.MaxShareRecipientsPerImage;

        for (var round = 1; round <= Rounds; round++)
        {
            var image = await ReadyImageAsync(first, $"round-{round}");
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var racers = recipients.Select((recipient, i) => Task.Run(async () =>
            {
                await start.Task;
                var instance = i % 2 == 0 ? first : second;
                return (Recipient: recipient, Result: await instance.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [recipient])));
            })).ToArray();
            start.SetResult();
            var results = await Task.WhenAll(racers);

            var failures = results.Where(r => !r.Result.IsSuccess).Select(r => r.Result.Failure!).ToArray();
            Assert.True(
                results.Count(r => r.Result.IsSuccess) == limit && failures.All(f => f is ShareQuotaExceeded),
                $"round {round} on {TestDatabase.Engine}: {results.Count(r => r.Result.IsSuccess)} granted; refused {string.Join(", ", failures.GroupBy(f => f.Code).Select(g => $"{g.Key} ×{g.Count()}"))}");
            Assert.Equal(recipients.Length - limit, failures.Length);
            var grants = await ImageStoreContract.GrantsAsync(second.Images, image.Id);
            Assert.Equal(results.Where(r => r.Result.IsSuccess).Select(r => r.Recipient.Value).Order(StringComparer.Ordinal), grants.Select(g => g.Recipient.Value).Order(StringComparer.Ordinal));
        }

        await StoredInvariants.AssertHoldAsync(database, first.Policy);
    }

    [Fact]
    public async Task R11_creators_racing_for_one_catalogue_from_two_instances_take_exactly_the_quota_and_the_rest_are_ImageQuotaLimitExceeded()
    {
        var database = await TestDatabase.CreateAsync();
        await using var first = ServiceInstance.Over(database);
        await using var second = ServiceInstance.Over(database);
        await first.SeedAsync();
        var quota = first.Policy.MaxCustomImagesPerRegion;
        Account[] owners = [Sample.Alice, Sample.Bob];
        const int CreatorsPerOwner = 32;

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = owners.SelectMany(owner => Enumerable.Range(0, CreatorsPerOwner).Select(i => Task.Run(async () =>
        {
            await start.Task;
            var instance = i % 2 == 0 ? first : second;
            return (Owner: owner, Result: await instance.Service.CreateImageAsync(Sample.Create(owner, Sample.Guangzhou, $"racer-{i}")));
        }))).ToArray();
        start.SetResult();
        var results = await Task.WhenAll(racers);

        foreach (var owner in owners)
        {
            var mine = results.Where(r => r.Owner == owner).Select(r => r.Result).ToArray();
            var refused = mine.Where(r => !r.IsSuccess).Select(r => r.Failure!).ToArray();
            Assert.True(
                mine.Count(r => r.IsSuccess) == quota && refused.All(f => f is CustomImageQuotaExceeded),
                $"{owner.Id} on {TestDatabase.Engine}: {mine.Count(r => r.IsSuccess)} created; refused {string.Join(", ", refused.GroupBy(f => f.Code).Select(g => $"{g.Key} ×{g.Count()}"))}");
            var stored = await ImageStoreContract.CatalogueAsync(second.Images, new CatalogueKey(owner.Id, Sample.Guangzhou.Id));
            Assert.Equal(mine.Where(r => r.IsSuccess).Select(r => r.Value.Image.Id.Value).Order(StringComparer.Ordinal), stored.Catalogue.Select(i => i.Id.Value).Order(StringComparer.Ordinal));
            Assert.Equal(quota, stored.Version);
        }

        await StoredInvariants.AssertHoldAsync(database, first.Policy);
    }

    [Fact]
    public async Task R11_racing_decisions_on_one_catalogue_each_see_the_one_before_and_none_loses()
    {
        var database = await TestDatabase.CreateAsync();
        await using var first = ServiceInstance.Over(database);
        await using var second = ServiceInstance.Over(database);
        var key = new CatalogueKey(Sample.Alice.Id, Sample.Guangzhou.Id);
        const int Racers = 24;

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(1, Racers).Select(i => Task.Run(async () =>
        {
            await start.Task;
            var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, $"img-q{i:D7}", $"queued-{i}");
            return await (i % 2 == 0 ? first : second).Images.DecideAsync(
                new FactsQuery(Sample.Alice.Id, Sample.Guangzhou.Id) { Catalogue = key },
                facts => new CatalogueChange { Key = key, ExpectedVersion = facts.Version, Added = [image] });
        })).ToArray();
        start.SetResult();

        Assert.All(await Task.WhenAll(racers), Assert.True);
        var catalogue = await ImageStoreContract.CatalogueAsync(first.Images, key);
        Assert.Equal(Racers, catalogue.Version);
        Assert.Equal(Racers, catalogue.Catalogue.Length);
    }

    private static async Task<Image> ReadyImageAsync(ServiceInstance instance, string name)
    {
        var created = (await instance.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, name))).Value;
        return (await instance.Service.CompleteImageAsync(created.Image.Id, succeeded: true)).Value.Image;
    }
}
