using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Storage;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Application;

/// <summary>The service's optimistic retry, with the other writer simulated deterministically by <see cref="ContendedImageStore"/>.</summary>
public class ImageServiceContentionTests
{
    [Fact]
    public async Task R11_a_commit_lost_to_another_writer_is_decided_again_and_saved_once()
    {
        var world = await TestWorld.CreateAsync();
        var store = new ContendedImageStore(world.Store);
        var observer = new RecordingObserver();
        store.RefuseNextCommits(ImageService.MaxAttempts - 1);

        var created = await world.Over(store, observer).CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou));

        Assert.True(created.IsSuccess);
        Assert.Equal(ImageService.MaxAttempts, store.CommitAttempts);
        Assert.Equal(created.Value.Image, Assert.Single((await world.Store.CatalogueAsync(new CatalogueKey(Sample.Alice.Id, Sample.Guangzhou.Id))).Images));
        Assert.Single(observer.Events);
    }

    [Fact]
    public async Task R11_R20_endless_contention_is_FailedOperation_ConcurrentModification_and_saves_nothing()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);
        var before = await world.Store.CatalogueAsync(CatalogueKey.Of(image));
        var store = new ContendedImageStore(world.Store);
        var observer = new RecordingObserver();
        var service = world.Over(store, observer);
        store.RefuseNextCommits(int.MaxValue);

        var created = await service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "second"));
        var shared = await service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [Sample.Bob.Id]));

        var refused = Refusal.Is<ConcurrentModification>(created.Failure, "FailedOperation.ConcurrentModification");
        Assert.Equal(ImageService.MaxAttempts, refused.Attempts);
        Refusal.Is<ConcurrentModification>(shared.Failure, "FailedOperation.ConcurrentModification");
        Assert.Equal(2 * ImageService.MaxAttempts, store.CommitAttempts);
        var after = await world.Store.CatalogueAsync(CatalogueKey.Of(image));
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Images.ToArray(), after.Images);
        Assert.Empty(await world.Store.GrantsOfAsync(image.Id));
        Assert.Empty(observer.Events);
    }

    [Fact]
    public async Task R11_a_decision_made_again_after_another_writer_took_the_last_slot_is_ImageQuotaLimitExceeded()
    {
        var world = await TestWorld.CreateAsync();
        await ImageServiceCreateTests.CreateManyAsync(world, Sample.Alice, Sample.Guangzhou, 9);
        var store = new ContendedImageStore(world.Store);
        store.InterfereBeforeNextCommit(async _ => Assert.True((await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "other writer"))).IsSuccess));

        var created = await world.Over(store).CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "late"));

        Refusal.Is<CustomImageQuotaExceeded>(created.Failure, "ImageQuotaLimitExceeded");
        Assert.Equal(10, (await world.Service.DescribeQuotaAsync(new DescribeQuota(Sample.Alice.Id, Sample.Guangzhou.Id))).Value.Used);
    }

    [Fact]
    public async Task R16_R20_a_delete_decided_again_after_another_writer_shared_the_image_is_InvalidImageId_InShared()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);
        var store = new ContendedImageStore(world.Store);
        store.InterfereBeforeNextCommit(async _ => Assert.True((await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [Sample.Bob.Id]))).IsSuccess));

        var deleted = await world.Over(store).DeleteImageAsync(new DeleteImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id));

        Refusal.Is<ImageStillShared>(deleted.Failure, "InvalidImageId.InShared");
        Assert.NotNull(await world.Store.FindImageAsync(image.Id));
        Assert.NotNull(await world.GrantAsync(image.Id, Sample.Bob.Id));
    }

    [Fact]
    public async Task R20_R6_a_share_decided_again_after_another_writer_deleted_the_image_is_InvalidImageId_NotFound()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);
        var store = new ContendedImageStore(world.Store);
        store.InterfereBeforeNextCommit(async _ => Assert.True((await world.Service.DeleteImageAsync(new DeleteImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id))).IsSuccess));

        var shared = await world.Over(store).ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [Sample.Bob.Id]));

        Refusal.Is<ImageNotFound>(shared.Failure, "InvalidImageId.NotFound");
        Assert.Empty(await world.Store.GrantsHeldAsync(Sample.Bob.Id, Sample.Guangzhou.Id));
    }

    [Fact]
    public async Task R21_a_share_decided_again_after_another_writer_took_the_last_share_slot_is_OverQuota()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);
        var recipients = await ImageServiceShareTests.RootAccountsAsync(world, 51);
        await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, recipients[..49]));
        var store = new ContendedImageStore(world.Store);
        store.InterfereBeforeNextCommit(async _ => Assert.True((await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [recipients[49]]))).IsSuccess));

        var shared = await world.Over(store).ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [recipients[50]]));

        Refusal.Is<ShareQuotaExceeded>(shared.Failure, "OverQuota");
        Assert.Equal(50, (await world.Store.GrantsOfAsync(image.Id)).Length);
    }

    [Fact]
    public async Task R37_completing_is_never_FailedOperation_ConcurrentModification_it_is_decided_again_until_it_lands()
    {
        var world = await TestWorld.CreateAsync();
        var image = (await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou))).Value.Image;
        var store = new ContendedImageStore(world.Store);
        var observer = new RecordingObserver();
        var lost = 3 * ImageService.MaxAttempts;
        store.RefuseNextCommits(lost);

        var completed = await world.Over(store, observer).CompleteImageAsync(image.Id, succeeded: true);

        Assert.Equal(image with { State = ImageState.Normal }, completed.Value.Image);
        Assert.Equal(lost + 1, store.CommitAttempts);
        Assert.Equal(completed.Value.Image, await world.Store.FindImageAsync(image.Id));
        Assert.Equal(completed.Value, Assert.Single(observer.Events));
    }

    [Fact]
    public async Task R37_R10_a_completion_decided_again_after_another_writer_changed_the_catalogue_lands_beside_that_change()
    {
        var world = await TestWorld.CreateAsync();
        var image = (await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou))).Value.Image;
        var store = new ContendedImageStore(world.Store);
        store.InterfereBeforeNextCommit(async _ => Assert.True((await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "other writer"))).IsSuccess));

        var completed = await world.Over(store).CompleteImageAsync(image.Id, succeeded: false);

        Assert.Equal(ImageState.CreateFailed, completed.Value.Image.State);
        Assert.Equal(2, store.CommitAttempts);
        var stored = (await world.Store.CatalogueAsync(CatalogueKey.Of(image))).Images;
        Assert.Equal(["other writer", image.Name], stored.Select(i => i.Name).Order(StringComparer.Ordinal));
        Assert.Contains(completed.Value.Image, stored);
    }
}
