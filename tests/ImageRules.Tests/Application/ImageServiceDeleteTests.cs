using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Application;

public class ImageServiceDeleteTests
{
    [Fact]
    public async Task R16_R11_the_owner_deletes_its_image_and_the_slot_is_free()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);

        var deleted = await world.Service.DeleteImageAsync(new DeleteImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id));

        Assert.Equal(new ImageDeleted(image, Sample.Now), deleted.Value);
        Assert.Null(await world.Store.FindImageAsync(image.Id));
        Assert.Equal(0, (await world.Service.DescribeQuotaAsync(new DescribeQuota(Sample.Alice.Id, Sample.Guangzhou.Id))).Value.Used);
    }

    [Theory]
    [InlineData("create")]
    [InlineData("import")]
    [InlineData("copy")]
    public async Task R16_an_image_in_progress_is_not_deleted(string origin)
    {
        var world = await TestWorld.CreateAsync();
        var image = await ImageServiceCompleteTests.InProgressAsync(world, origin);

        var deleted = await world.Service.DeleteImageAsync(new DeleteImage(Sample.Alice.Id, image.Region, image.Id));

        Refusal.Is<ImageStateIncorrect>(deleted.Failure, "InvalidImageId.IncorrectState");
        Assert.Equal(image, await world.Store.FindImageAsync(image.Id));
    }

    [Theory]
    [InlineData("create")]
    [InlineData("import")]
    [InlineData("copy")]
    public async Task R16_a_failed_image_may_be_deleted(string origin)
    {
        var world = await TestWorld.CreateAsync();
        var image = await ImageServiceCompleteTests.InProgressAsync(world, origin);
        await world.Service.CompleteImageAsync(image.Id, succeeded: false);

        Assert.True((await world.Service.DeleteImageAsync(new DeleteImage(Sample.Alice.Id, image.Region, image.Id))).IsSuccess);
        Assert.Null(await world.Store.FindImageAsync(image.Id));
    }

    [Fact]
    public async Task R16_R24_a_shared_image_is_InvalidImageId_InShared_until_sharing_is_cancelled()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);
        await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [Sample.Bob.Id, Sample.Carol.Id]));

        var refused = await world.Service.DeleteImageAsync(new DeleteImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id));
        await world.Service.CancelAllSharingAsync(new CancelAllSharing(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id));
        var deleted = await world.Service.DeleteImageAsync(new DeleteImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id));

        Assert.Equal(2, Refusal.Is<ImageStillShared>(refused.Failure, "InvalidImageId.InShared").GrantCount);
        Assert.True(deleted.IsSuccess);
        Assert.Empty(await world.Store.GrantsHeldAsync(Sample.Bob.Id, Sample.Guangzhou.Id));
    }

    [Fact]
    public async Task R25_R13_a_recipient_deleting_a_shared_image_is_UnauthorizedOperation_ImageNotBelongToAccount()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);
        await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [Sample.Bob.Id]));

        var deleted = await world.Service.DeleteImageAsync(new DeleteImage(Sample.Bob.Id, Sample.Guangzhou.Id, image.Id));

        Refusal.Is<ImageNotOwned>(deleted.Failure, "UnauthorizedOperation.ImageNotBelongToAccount");
        Assert.Equal(image, await world.Store.FindImageAsync(image.Id));
    }

    [Fact]
    public async Task R13_a_public_image_is_not_the_caller_to_delete()
    {
        var world = await TestWorld.CreateAsync();
        var image = Sample.PublicImage(Sample.Guangzhou);
        await world.Service.PublishPublicImageAsync(image);

        var deleted = await world.Service.DeleteImageAsync(new DeleteImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id));

        Refusal.Is<ImageNotOwned>(deleted.Failure, "UnauthorizedOperation.ImageNotBelongToAccount");
        Assert.Equal(image, await world.Store.FindImageAsync(image.Id));
    }

    [Fact]
    public async Task R6_R5_an_image_the_caller_cannot_see_there_is_InvalidImageId_NotFound()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);

        var byStranger = await world.Service.DeleteImageAsync(new DeleteImage(Sample.Carol.Id, Sample.Guangzhou.Id, image.Id));
        var inOtherRegion = await world.Service.DeleteImageAsync(new DeleteImage(Sample.Alice.Id, Sample.Shanghai.Id, image.Id));
        var twice = await DeleteTwiceAsync(world);

        Refusal.Is<ImageNotFound>(byStranger.Failure, "InvalidImageId.NotFound");
        Refusal.Is<ImageNotFound>(inOtherRegion.Failure, "InvalidImageId.NotFound");
        Refusal.Is<ImageNotFound>(twice.Failure, "InvalidImageId.NotFound");
        Assert.Equal(image, await world.Store.FindImageAsync(image.Id));
    }

    [Fact]
    public async Task R7_a_delete_by_an_unknown_caller_or_in_an_unknown_region_is_not_found()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);

        var byStranger = await world.Service.DeleteImageAsync(new DeleteImage(new AccountId("99999999"), Sample.Guangzhou.Id, image.Id));
        var nowhere = await world.Service.DeleteImageAsync(new DeleteImage(Sample.Alice.Id, new RegionId("eu-nowhere"), image.Id));

        Refusal.Is<AccountNotFound>(byStranger.Failure, "InvalidAccountId.NotFound");
        Refusal.Is<RegionNotFound>(nowhere.Failure, "InvalidRegion.NotFound");
        Assert.Equal(image, await world.Store.FindImageAsync(image.Id));
    }

    private static async Task<ImageRules.Policy.Result<ImageDeleted>> DeleteTwiceAsync(TestWorld world)
    {
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou, "deleted twice");
        Assert.True((await world.Service.DeleteImageAsync(new DeleteImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id))).IsSuccess);
        return await world.Service.DeleteImageAsync(new DeleteImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id));
    }
}
