using System.Collections.Immutable;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Application;

public class ImageServiceCancelSharingTests
{
    [Fact]
    public async Task R24_a_cancelled_recipient_no_longer_sees_or_launches_the_image()
    {
        var world = await TestWorld.CreateAsync();
        var image = await SharedAsync(world, Sample.Bob, Sample.Carol);

        var cancelled = await world.Service.CancelSharingAsync(new CancelSharing(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [Sample.Bob.Id]));

        Assert.Equal(new ImageSharingCancelled(image, cancelled.Value.Grants, Sample.Now), cancelled.Value);
        Assert.Equal(new[] { Sample.Grant(image, Sample.Bob) }, cancelled.Value.Grants);
        Assert.Empty((await world.Service.DescribeImagesAsync(new DescribeImages(Sample.Bob.Id, Sample.Guangzhou.Id))).Value.Items);
        Refusal.Is<ImageNotFound>((await world.Service.LaunchAsync(new LaunchImage(Sample.Bob.Id, Sample.Guangzhou.Id, image.Id))).Failure, "InvalidImageId.NotFound");
        Assert.True((await world.Service.LaunchAsync(new LaunchImage(Sample.Carol.Id, Sample.Guangzhou.Id, image.Id))).IsSuccess);
    }

    [Theory]
    [InlineData("an account holding no grant")]
    [InlineData("an account named twice")]
    public async Task R24_cancelling_for_an_account_without_a_grant_is_InvalidAccountId_NotFound_and_cancels_nothing(string refusedCase)
    {
        var world = await TestWorld.CreateAsync();
        var image = await SharedAsync(world, Sample.Bob);
        ImmutableArray<AccountId> recipients = refusedCase == "an account named twice" ? [Sample.Bob.Id, Sample.Bob.Id] : [Sample.Bob.Id, Sample.Carol.Id];

        var cancelled = await world.Service.CancelSharingAsync(new CancelSharing(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, recipients));

        Refusal.Is<AccountNotFound>(cancelled.Failure, "InvalidAccountId.NotFound");
        Assert.NotNull(await world.GrantAsync(image.Id, Sample.Bob.Id));
    }

    [Fact]
    public async Task R24_cancelling_with_no_account_is_MissingParameter()
    {
        var world = await TestWorld.CreateAsync();
        var image = await SharedAsync(world, Sample.Bob);

        Refusal.Is<ParameterMissing>((await world.Service.CancelSharingAsync(new CancelSharing(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, []))).Failure, "MissingParameter");
    }

    [Fact]
    public async Task R25_a_recipient_cancelling_sharing_is_UnauthorizedOperation_ImageNotBelongToAccount()
    {
        var world = await TestWorld.CreateAsync();
        var image = await SharedAsync(world, Sample.Bob, Sample.Carol);

        var cancelOther = await world.Service.CancelSharingAsync(new CancelSharing(Sample.Bob.Id, Sample.Guangzhou.Id, image.Id, [Sample.Carol.Id]));
        var cancelAll = await world.Service.CancelAllSharingAsync(new CancelAllSharing(Sample.Bob.Id, Sample.Guangzhou.Id, image.Id));

        Refusal.Is<ImageNotOwned>(cancelOther.Failure, "UnauthorizedOperation.ImageNotBelongToAccount");
        Refusal.Is<ImageNotOwned>(cancelAll.Failure, "UnauthorizedOperation.ImageNotBelongToAccount");
        Assert.Equal(2, (await world.Store.GrantsOfAsync(image.Id)).Length);
    }

    [Fact]
    public async Task R6_R7_cancelling_on_an_image_the_caller_cannot_see_or_as_an_unknown_caller_is_not_found()
    {
        var world = await TestWorld.CreateAsync();
        var image = await SharedAsync(world, Sample.Bob);

        var byStranger = await world.Service.CancelSharingAsync(new CancelSharing(Sample.Carol.Id, Sample.Guangzhou.Id, image.Id, [Sample.Bob.Id]));
        var inOtherRegion = await world.Service.CancelAllSharingAsync(new CancelAllSharing(Sample.Alice.Id, Sample.Shanghai.Id, image.Id));
        var unknownImage = await world.Service.CancelSharingAsync(new CancelSharing(Sample.Alice.Id, Sample.Guangzhou.Id, new ImageId("img-nothere1"), [Sample.Bob.Id]));
        var unknownCaller = await world.Service.CancelAllSharingAsync(new CancelAllSharing(new AccountId("99999999"), Sample.Guangzhou.Id, image.Id));
        var unknownRegion = await world.Service.CancelSharingAsync(new CancelSharing(Sample.Alice.Id, new RegionId("eu-nowhere"), image.Id, [Sample.Bob.Id]));

        Refusal.Is<ImageNotFound>(byStranger.Failure, "InvalidImageId.NotFound");
        Refusal.Is<ImageNotFound>(inOtherRegion.Failure, "InvalidImageId.NotFound");
        Refusal.Is<ImageNotFound>(unknownImage.Failure, "InvalidImageId.NotFound");
        Refusal.Is<AccountNotFound>(unknownCaller.Failure, "InvalidAccountId.NotFound");
        Refusal.Is<RegionNotFound>(unknownRegion.Failure, "InvalidRegion.NotFound");
        Assert.Single(await world.Store.GrantsOfAsync(image.Id));
    }

    [Fact]
    public async Task R16_R24_cancelling_all_sharing_removes_every_grant()
    {
        var world = await TestWorld.CreateAsync();
        var image = await SharedAsync(world, Sample.Bob, Sample.Carol);

        var cancelled = await world.Service.CancelAllSharingAsync(new CancelAllSharing(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id));

        Assert.Equal(new[] { Sample.Grant(image, Sample.Bob), Sample.Grant(image, Sample.Carol) }.ToHashSet(), cancelled.Value.Grants.ToHashSet());
        Assert.Empty(await world.Store.GrantsOfAsync(image.Id));
        Assert.Empty(await world.Store.GrantsHeldAsync(Sample.Carol.Id, Sample.Guangzhou.Id));
    }

    [Fact]
    public async Task R24_cancelling_all_sharing_of_an_image_without_grants_cancels_nothing_and_succeeds()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);

        var cancelled = await world.Service.CancelAllSharingAsync(new CancelAllSharing(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id));

        Assert.Empty(cancelled.Value.Grants);
    }

    [Fact]
    public async Task R24_R21_a_cancelled_account_may_be_granted_again()
    {
        var world = await TestWorld.CreateAsync();
        var image = await SharedAsync(world, Sample.Bob);
        await world.Service.CancelSharingAsync(new CancelSharing(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [Sample.Bob.Id]));

        Assert.True((await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [Sample.Bob.Id]))).IsSuccess);
        Assert.NotNull(await world.GrantAsync(image.Id, Sample.Bob.Id));
    }

    /// <summary>A ready image of Alice in Guangzhou shared with <paramref name="recipients"/>.</summary>
    internal static async Task<Image> SharedAsync(TestWorld world, params Account[] recipients)
    {
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);
        Assert.True((await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [.. recipients.Select(r => r.Id)]))).IsSuccess);
        return image;
    }
}
