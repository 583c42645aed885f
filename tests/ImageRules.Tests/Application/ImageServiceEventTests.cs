using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Tests.Support;
using Microsoft.Extensions.Logging;

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

        var created = (await service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou))).Value;
        var id = created.Image.Id;
        List<IImageEvent> returned =
        [
            created,
            (await service.CompleteImageAsync(id, succeeded: true)).Value,
            (await service.ModifyImageAsync(new ModifyImage(Sample.Alice.Id, here, id, "renamed"))).Value,
            (await service.ShareImageAsync(new ShareImage(Sample.Alice.Id, here, id, [Sample.Bob.Id, Sample.Carol.Id]))).Value,
            (await service.CancelSharingAsync(new CancelSharing(Sample.Alice.Id, here, id, [Sample.Bob.Id]))).Value,
            (await service.CopyImageAsync(new CopyImage(Sample.Alice.Id, here, id, Sample.Shanghai.Id))).Value,
            (await service.CancelAllSharingAsync(new CancelAllSharing(Sample.Alice.Id, here, id))).Value,
            (await service.DeleteImageAsync(new DeleteImage(Sample.Alice.Id, here, id))).Value,
            (await service.ImportImageAsync(Sample.Import(Sample.Alice, Sample.Guangzhou))).Value,
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

        Assert.False((await service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "over"))).IsSuccess);
        Assert.False((await service.CompleteImageAsync(image.Id, true)).IsSuccess);
        Assert.False((await service.CancelSharingAsync(new CancelSharing(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [Sample.Bob.Id]))).IsSuccess);
        Assert.False((await service.DeleteImageAsync(new DeleteImage(Sample.Bob.Id, Sample.Guangzhou.Id, image.Id))).IsSuccess);
        Assert.False((await service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [Sample.Sam.Id]))).IsSuccess);

        Assert.Empty(observer.Events);
    }

    [Fact]
    public async Task R10_an_observer_that_throws_does_not_fail_the_saved_operation_and_is_logged()
    {
        var world = await TestWorld.CreateAsync();
        var logger = new RecordingLogger<ImageService>();
        var after = new RecordingObserver();
        var service = world.LoggingTo(logger, new FailingObserver(), after);

        var created = await service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou));

        Assert.True(created.IsSuccess);
        Assert.Equal(created.Value, Assert.Single(after.Events));
        var saved = Assert.Single((await world.Service.DescribeImagesAsync(new DescribeImages(Sample.Alice.Id, Sample.Guangzhou.Id))).Value.Items);
        Assert.Equal((created.Value.Image, ImageState.Creating), (saved.Image, saved.Image.State));
        var logged = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Equal("the audit trail is down", Assert.IsType<InvalidOperationException>(logged.Exception).Message);
        Assert.Contains(nameof(FailingObserver), logged.Message, StringComparison.Ordinal);
    }

    /// <summary>An observer whose audit trail is down: every call throws.</summary>
    internal sealed class FailingObserver : IImageEventObserver
    {
        public ValueTask OnSavedAsync(SavedImageEvent saved, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the audit trail is down");
    }
}
