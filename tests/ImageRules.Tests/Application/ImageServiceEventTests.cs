using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy.Requests;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Application;

public class ImageServiceEventTests
{
    [Fact]
    public async Task R10_R12_R14_R16_R18_R20_R24_every_saved_change_is_observed_once_in_order_by_every_observer()
    {
        var world = await TestWorld.CreateAsync();
        var first = new RecordingObserver();
        var second = new RecordingObserver();
        var service = world.ObservedBy(first, second);
        var here = Sample.Guangzhou.Id;

        var created = (await service.CreateImageAsync(Sample.Alice.Id, Sample.Create(Sample.Guangzhou))).Value;
        var id = created.Image.Id;
        List<IImageEvent> returned =
        [
            created,
            (await service.CompleteImageAsync(id, succeeded: true)).Value,
            (await service.ModifyImageAsync(Sample.Alice.Id, here, new ModifyImageRequest(id, "renamed"))).Value,
            (await service.ShareImageAsync(Sample.Alice.Id, here, id, [Sample.Bob.Id, Sample.Carol.Id])).Value,
            (await service.CancelSharingAsync(Sample.Alice.Id, here, id, [Sample.Bob.Id])).Value,
            (await service.CopyImageAsync(Sample.Alice.Id, here, new CopyImageRequest(id, Sample.Shanghai.Id))).Value,
            (await service.CancelAllSharingAsync(Sample.Alice.Id, here, id)).Value,
            (await service.DeleteImageAsync(Sample.Alice.Id, here, id)).Value,
            (await service.ImportImageAsync(Sample.Alice.Id, Sample.Import(Sample.Guangzhou))).Value,
        ];

        Assert.Equal(returned, first.Events);
        Assert.Equal(returned, second.Events);
        Assert.Equal(
            [typeof(ImageCreated), typeof(ImageCompleted), typeof(ImageModified), typeof(ImageShared), typeof(ImageSharingCancelled), typeof(ImageCopied), typeof(ImageSharingCancelled), typeof(ImageDeleted), typeof(ImageImported)],
            first.Events.Select(e => e.GetType()));
    }

    [Fact]
    public async Task R11_R16_R24_a_refused_operation_is_not_observed()
    {
        var world = await TestWorld.CreateAsync();
        var observer = new RecordingObserver();
        var service = world.ObservedBy(observer);
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);
        await ImageServiceCreateTests.CreateManyAsync(world, Sample.Alice, Sample.Guangzhou, 9);

        Assert.False((await service.CreateImageAsync(Sample.Alice.Id, Sample.Create(Sample.Guangzhou, "over"))).IsSuccess);
        Assert.False((await service.CompleteImageAsync(image.Id, true)).IsSuccess);
        Assert.False((await service.CancelSharingAsync(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [Sample.Bob.Id])).IsSuccess);
        Assert.False((await service.DeleteImageAsync(Sample.Bob.Id, Sample.Guangzhou.Id, image.Id)).IsSuccess);
        Assert.False((await service.ShareImageAsync(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [Sample.Sam.Id])).IsSuccess);

        Assert.Empty(observer.Events);
    }

    [Fact]
    public async Task R10_an_observer_failure_reaches_the_caller_but_the_change_stays_saved()
    {
        var world = await TestWorld.CreateAsync();
        var service = world.ObservedBy(new FailingObserver());

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await service.CreateImageAsync(Sample.Alice.Id, Sample.Create(Sample.Guangzhou)));

        var saved = Assert.Single((await world.Service.DescribeImagesAsync(Sample.Alice.Id, Sample.Guangzhou.Id)).Value.Items);
        Assert.Equal(ImageState.Creating, saved.Image.State);
    }

    private sealed class FailingObserver : IImageEventObserver
    {
        public ValueTask OnSavedAsync(IImageEvent imageEvent, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the audit trail is down");
    }
}
