using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Application;

public class ImageServiceGetImageTests
{
    [Fact]
    public async Task R1_R4_the_owner_gets_its_image_as_custom()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);

        var got = await world.Service.GetImageAsync(new GetImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id));

        Assert.Equal(new VisibleImage(image, ImageKind.Custom), got.Value);
        Assert.False(got.Value.IsUntrustedSource);
    }

    [Fact]
    public async Task R1_R5_R26_a_recipient_gets_a_shared_image_as_shared_from_an_untrusted_source()
    {
        var world = await TestWorld.CreateAsync();
        var image = await ImageServiceCancelSharingTests.SharedAsync(world, Sample.Bob);

        var got = await world.Service.GetImageAsync(new GetImage(Sample.Bob.Id, Sample.Guangzhou.Id, image.Id));

        Assert.Equal(new VisibleImage(image, ImageKind.Shared), got.Value);
        Assert.True(got.Value.IsUntrustedSource);
    }

    [Fact]
    public async Task R3_any_account_gets_a_public_image_of_the_region()
    {
        var world = await TestWorld.CreateAsync();
        var image = Sample.PublicImage(Sample.Guangzhou);
        await world.Service.PublishPublicImageAsync(image);

        foreach (var account in new[] { Sample.Alice, Sample.Sam, Sample.Helper })
        {
            Assert.Equal(new VisibleImage(image, ImageKind.Public), (await world.Service.GetImageAsync(new GetImage(account.Id, Sample.Guangzhou.Id, image.Id))).Value);
        }

        Refusal.Is<ImageNotFound>((await world.Service.GetImageAsync(new GetImage(Sample.Alice.Id, Sample.Shanghai.Id, image.Id))).Failure, "InvalidImageId.NotFound");
    }

    [Fact]
    public async Task R6_R5_R24_an_image_the_caller_cannot_see_there_or_an_unknown_one_is_InvalidImageId_NotFound()
    {
        var world = await TestWorld.CreateAsync();
        var image = await ImageServiceCancelSharingTests.SharedAsync(world, Sample.Bob, Sample.Carol);
        await world.Service.CancelSharingAsync(new CancelSharing(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [Sample.Carol.Id]));

        GetImage[] hidden =
        [
            new(Sample.Sam.Id, Sample.Guangzhou.Id, image.Id),
            new(Sample.Alice.Id, Sample.Shanghai.Id, image.Id),
            new(Sample.Bob.Id, Sample.Shanghai.Id, image.Id),
            new(Sample.Carol.Id, Sample.Guangzhou.Id, image.Id),
            new(Sample.Alice.Id, Sample.Guangzhou.Id, new ImageId("img-nothere1")),
        ];

        foreach (var request in hidden)
        {
            Assert.Equal(new ImageNotFound(request.ImageId), (await world.Service.GetImageAsync(request)).Failure);
        }
    }

    [Fact]
    public async Task R7_getting_an_image_as_an_unknown_caller_or_in_an_unknown_region_is_not_found()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);

        var byStranger = await world.Service.GetImageAsync(new GetImage(new AccountId("99999999"), Sample.Guangzhou.Id, image.Id));
        var nowhere = await world.Service.GetImageAsync(new GetImage(Sample.Alice.Id, new RegionId("eu-nowhere"), image.Id));

        Refusal.Is<AccountNotFound>(byStranger.Failure, "InvalidAccountId.NotFound");
        Refusal.Is<RegionNotFound>(nowhere.Failure, "InvalidRegion.NotFound");
    }

    [Theory]
    [InlineData("create", ImageState.CreateFailed)]
    [InlineData("import", ImageState.ImportFailed)]
    [InlineData("copy", ImageState.SyncFailed)]
    public async Task R37_an_image_left_in_progress_past_the_transition_timeout_is_got_and_listed_as_failed(string origin, ImageState failed)
    {
        var world = await TestWorld.CreateAsync();
        var image = await ImageServiceCompleteTests.InProgressAsync(world, origin);

        world.Clock.Advance(TimeSpan.FromHours(1));
        var atTimeout = (await world.Service.GetImageAsync(new GetImage(Sample.Alice.Id, image.Region, image.Id))).Value.Image.State;
        world.Clock.Advance(TimeSpan.FromSeconds(1));
        var got = (await world.Service.GetImageAsync(new GetImage(Sample.Alice.Id, image.Region, image.Id))).Value.Image;
        var listed = (await world.Service.DescribeImagesAsync(new DescribeImages(Sample.Alice.Id, image.Region, new ImageFilter { ImageIds = [image.Id] }))).Value.Items;

        Assert.Equal(image.State, atTimeout);
        Assert.Equal(image with { State = failed }, got);
        Assert.Equal(failed, Assert.Single(listed).Image.State);
        Assert.Equal(image, await world.Store.FindImageAsync(image.Id));
    }
}
