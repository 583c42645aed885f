using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Storage.Tests.Support;
using ImageRules.Tests.Storage;
using ImageRules.Tests.Support;

namespace ImageRules.Storage.Tests;

/// <summary>
/// Two service instances over one database, each with its own connection pool as two processes would have, race for
/// the same quota slots, share slots and images. Only the database's guarantees keep them apart: afterwards the rules'
/// invariants hold and every acknowledged success is stored.
/// </summary>
public class ConcurrentInstancesTests
{
    [Fact]
    public async Task R11_two_instances_racing_for_the_last_quota_slots_take_exactly_the_slots_left_and_keep_every_success()
    {
        var database = await TestDatabase.CreateAsync();
        await using var first = ServiceInstance.Over(database);
        await using var second = ServiceInstance.Over(database);
        await first.SeedAsync();
        Account[] owners = [Sample.Alice, Sample.Bob, Sample.Carol];
        foreach (var owner in owners)
        {
            for (var i = 0; i < 6; i++)
            {
                Assert.True((await first.Service.CreateImageAsync(Sample.Create(owner, Sample.Guangzhou, $"before-{i}"))).IsSuccess);
            }
        }

        // Eight creators per owner, half on each instance, for the four slots each owner has left.
        var racers = owners.SelectMany(owner => Enumerable.Range(0, 8).Select(i => (Owner: owner, Instance: i % 2 == 0 ? first : second, Name: $"racer-{i}")));
        var results = await Task.WhenAll(racers.Select(r => Task.Run(async () => (r.Owner, Result: await r.Instance.Service.CreateImageAsync(Sample.Create(r.Owner, Sample.Guangzhou, r.Name))))));

        foreach (var owner in owners)
        {
            var mine = results.Where(r => r.Owner == owner).Select(r => r.Result).ToArray();
            Assert.Equal(4, mine.Count(r => r.IsSuccess));
            Assert.All(mine.Where(r => !r.IsSuccess), r => Assert.IsType<CustomImageQuotaExceeded>(r.Failure));
            var stored = await ImageStoreContract.CatalogueAsync(second.Images, new CatalogueKey(owner.Id, Sample.Guangzhou.Id));
            Assert.Equal(10, stored.Catalogue.Length);
            Assert.All(mine.Where(r => r.IsSuccess), r => Assert.Contains(r.Value.Image, stored.Catalogue));
        }

        await StoredInvariants.AssertHoldAsync(database, first.Policy);
    }

    [Fact]
    public async Task R21_two_instances_racing_for_the_last_share_slots_grant_exactly_the_slots_left_and_keep_every_grant()
    {
        var database = await TestDatabase.CreateAsync();
        await using var first = ServiceInstance.Over(database);
        await using var second = ServiceInstance.Over(database);
        var recipients = await first.SeedAsync(extra: 65);
        var image = await ReadyImageAsync(first.Service, Sample.Alice);
        Assert.True((await first.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [.. recipients[..45]]))).IsSuccess);

        var results = await Task.WhenAll(recipients[45..].Select((recipient, i) => Task.Run(async () =>
            (Recipient: recipient, Result: await (i % 2 == 0 ? first : second).Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [recipient]))))));

        Assert.Equal(5, results.Count(r => r.Result.IsSuccess));
        Assert.All(results.Where(r => !r.Result.IsSuccess), r => Assert.IsType<ShareQuotaExceeded>(r.Result.Failure));
        var grants = await ImageStoreContract.GrantsAsync(second.Images, image.Id);
        Assert.Equal(50, grants.Length);
        Assert.All(results.Where(r => r.Result.IsSuccess), r => Assert.Contains(grants, g => g.Recipient == r.Recipient));
        await StoredInvariants.AssertHoldAsync(database, first.Policy);
    }

    [Fact]
    public async Task R16_R20_a_delete_on_one_instance_racing_a_share_on_the_other_never_leaves_a_grant_on_a_deleted_image()
    {
        var database = await TestDatabase.CreateAsync();
        await using var first = ServiceInstance.Over(database);
        await using var second = ServiceInstance.Over(database);
        await first.SeedAsync();
        var images = new List<Image>();
        for (var i = 0; i < 6; i++)
        {
            images.Add(await ReadyImageAsync(first.Service, Sample.Alice, $"contested-{i}"));
        }

        var outcomes = await Task.WhenAll(images.Select(image => Task.Run(async () =>
        {
            var deleting = Task.Run(async () => await first.Service.DeleteImageAsync(new DeleteImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id)));
            var sharing = Task.Run(async () => await second.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [Sample.Bob.Id])));
            return (Image: image, Deleted: await deleting, Shared: await sharing);
        })));

        foreach (var (image, deleted, shared) in outcomes)
        {
            Assert.True(deleted.IsSuccess != shared.IsSuccess, "exactly one of the racing delete and share wins");
            if (deleted.IsSuccess)
            {
                Assert.IsType<ImageNotFound>(shared.Failure);
                Assert.Null(await second.Images.FindImageAsync(image.Id));
                Assert.Empty(await ImageStoreContract.GrantsAsync(second.Images, image.Id));
            }
            else
            {
                Assert.IsType<ImageStillShared>(deleted.Failure);
                Assert.NotNull(await ImageStoreContract.GrantAsync(second.Images, image.Id, Sample.Bob.Id));
            }
        }

        await StoredInvariants.AssertHoldAsync(database, first.Policy);
    }

    private static async Task<Image> ReadyImageAsync(ImageService service, Account owner, string name = "web-server")
    {
        var created = (await service.CreateImageAsync(Sample.Create(owner, Sample.Guangzhou, name))).Value;
        return (await service.CompleteImageAsync(created.Image.Id, succeeded: true)).Value.Image;
    }
}
