using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Application;

public class ImageServiceCompleteTests
{
    [Theory]
    [InlineData("create", true, ImageState.Creating, ImageState.Normal)]
    [InlineData("create", false, ImageState.Creating, ImageState.CreateFailed)]
    [InlineData("import", true, ImageState.Importing, ImageState.Normal)]
    [InlineData("import", false, ImageState.Importing, ImageState.ImportFailed)]
    [InlineData("copy", true, ImageState.Syncing, ImageState.Normal)]
    [InlineData("copy", false, ImageState.Syncing, ImageState.SyncFailed)]
    public async Task R10_R14_R18_completing_moves_an_image_in_progress_to_its_outcome(string origin, bool succeeded, ImageState before, ImageState after)
    {
        var world = await TestWorld.CreateAsync();
        var image = await InProgressAsync(world, origin);
        Assert.Equal(before, image.State);
        world.Clock.Advance(TimeSpan.FromMinutes(5));

        var completed = (await world.Service.CompleteImageAsync(image.Id, succeeded)).Value;

        Assert.Equal(new ImageCompleted(image, image with { State = after }, Sample.Now.AddMinutes(5)), completed);
        Assert.Equal(succeeded, completed.Succeeded);
        Assert.Equal(image with { State = after }, await world.Store.FindImageAsync(image.Id));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task R10_completing_an_image_that_is_no_longer_in_progress_is_InvalidImageId_IncorrectState(bool firstOutcome)
    {
        var world = await TestWorld.CreateAsync();
        var image = await InProgressAsync(world, "create");
        var done = (await world.Service.CompleteImageAsync(image.Id, firstOutcome)).Value.Image;

        var again = await world.Service.CompleteImageAsync(image.Id, !firstOutcome);

        Refusal.Is<ImageStateIncorrect>(again.Failure, "InvalidImageId.IncorrectState");
        Assert.Equal(done, await world.Store.FindImageAsync(image.Id));
    }

    [Fact]
    public async Task R3_R10_a_public_image_cannot_be_completed()
    {
        var world = await TestWorld.CreateAsync();
        var image = Sample.PublicImage(Sample.Guangzhou);
        await world.Service.PublishPublicImageAsync(image);

        Refusal.Is<ImageStateIncorrect>((await world.Service.CompleteImageAsync(image.Id, true)).Failure, "InvalidImageId.IncorrectState");
    }

    [Fact]
    public async Task R6_completing_an_unknown_or_deleted_image_is_InvalidImageId_NotFound()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);
        await world.Service.DeleteImageAsync(new DeleteImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id));

        Refusal.Is<ImageNotFound>((await world.Service.CompleteImageAsync(new ImageId("img-nothere1"), true)).Failure, "InvalidImageId.NotFound");
        Refusal.Is<ImageNotFound>((await world.Service.CompleteImageAsync(image.Id, true)).Failure, "InvalidImageId.NotFound");
    }

    /// <summary>An image just created, imported or copied (from a ready image in Guangzhou to Shanghai).</summary>
    internal static async Task<Image> InProgressAsync(TestWorld world, string origin) => origin switch
    {
        "create" => (await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "created"))).Value.Image,
        "import" => (await world.Service.ImportImageAsync(Sample.Import(Sample.Alice, Sample.Guangzhou, "imported"))).Value.Image,
        "copy" => (await world.Service.CopyImageAsync(
            new CopyImage(Sample.Alice.Id, Sample.Guangzhou.Id, (await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou, "source")).Id, Sample.Shanghai.Id))).Value.Copy,
        _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, "create, import or copy"),
    };
}
