using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Application;

public class ImageServiceCopyTests
{
    [Fact]
    public async Task R14_a_copy_gets_a_new_id_in_the_target_region_keeps_the_image_starts_syncing_and_is_free()
    {
        var world = await TestWorld.CreateAsync();
        var source = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);
        world.Clock.Advance(TimeSpan.FromHours(1));

        var copied = (await world.Service.CopyImageAsync(new CopyImage(Sample.Alice.Id, Sample.Guangzhou.Id, source.Id, Sample.Shanghai.Id))).Value;

        var copy = copied.Copy;
        Assert.NotEqual(source.Id, copy.Id);
        Assert.Equal(
            source with { Id = copy.Id, Region = Sample.Shanghai.Id, State = ImageState.Syncing, Source = ImageSource.Copied, SourceInstance = null, CopiedFrom = source.Id, CreatedAt = Sample.Now.AddHours(1) },
            copy);
        Assert.True(copied.Charge.IsFree);
        Assert.Equal(source, copied.Source);
        Assert.Equal(copy, await world.Store.FindImageAsync(copy.Id));
        Assert.Equal(source, await world.Store.FindImageAsync(source.Id));
    }

    [Fact]
    public async Task R12_R14_a_copy_may_take_a_new_name()
    {
        var world = await TestWorld.CreateAsync();
        var source = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);

        var copied = await world.Service.CopyImageAsync(new CopyImage(Sample.Alice.Id, Sample.Guangzhou.Id, source.Id, Sample.Shanghai.Id, "web-east"));

        Assert.Equal("web-east", copied.Value.Copy.Name);
    }

    [Fact]
    public async Task R14_R5_a_copy_carries_no_share_grants()
    {
        var world = await TestWorld.CreateAsync();
        var source = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);
        await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, source.Id, [Sample.Bob.Id]));

        var copy = (await world.Service.CopyImageAsync(new CopyImage(Sample.Alice.Id, Sample.Guangzhou.Id, source.Id, Sample.Shanghai.Id))).Value.Copy;

        Assert.Empty(await world.Store.GrantsOfAsync(copy.Id));
        Assert.Empty((await world.Service.DescribeImagesAsync(new DescribeImages(Sample.Bob.Id, Sample.Shanghai.Id))).Value.Items);
        Refusal.Is<ImageNotFound>((await world.Service.LaunchAsync(new LaunchImage(Sample.Bob.Id, Sample.Shanghai.Id, copy.Id))).Failure, "InvalidImageId.NotFound");
    }

    [Fact]
    public async Task R11_R14_a_copy_counts_against_the_quota_of_the_target_region()
    {
        var world = await TestWorld.CreateAsync();
        var source = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);
        await ImageServiceCreateTests.CreateManyAsync(world, Sample.Alice, Sample.Shanghai, 10);

        var copied = await world.Service.CopyImageAsync(new CopyImage(Sample.Alice.Id, Sample.Guangzhou.Id, source.Id, Sample.Shanghai.Id));

        var refused = Refusal.Is<CustomImageQuotaExceeded>(copied.Failure, "ImageQuotaLimitExceeded");
        Assert.Equal(Sample.Shanghai.Id, refused.Region);
        Assert.Equal(1, (await world.Service.DescribeQuotaAsync(new DescribeQuota(Sample.Alice.Id, Sample.Guangzhou.Id))).Value.Used);
    }

    [Fact]
    public async Task R12_R14_a_copy_whose_name_is_taken_in_the_target_region_is_InvalidImageName_Duplicate()
    {
        var world = await TestWorld.CreateAsync();
        var source = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou, "web");
        await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Shanghai, "web"));

        var copied = await world.Service.CopyImageAsync(new CopyImage(Sample.Alice.Id, Sample.Guangzhou.Id, source.Id, Sample.Shanghai.Id));

        Refusal.Is<ImageNameDuplicate>(copied.Failure, "InvalidImageName.Duplicate");
    }

    [Fact]
    public async Task R12_R14_a_copy_with_an_invalid_name_is_InvalidParameterValue()
    {
        var world = await TestWorld.CreateAsync();
        var source = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);

        var copied = await world.Service.CopyImageAsync(new CopyImage(Sample.Alice.Id, Sample.Guangzhou.Id, source.Id, Sample.Shanghai.Id, " "));

        Assert.Equal(("ImageName", "InvalidParameterValue"), Refusal.OfParameter(copied.Failure));
    }

    [Theory]
    [InlineData("create")]
    [InlineData("import")]
    [InlineData("copy")]
    public async Task R14_only_a_Normal_image_is_copied_not_one_in_progress_nor_a_failed_one(string origin)
    {
        var world = await TestWorld.CreateAsync();
        var image = await ImageServiceCompleteTests.InProgressAsync(world, origin);
        var target = image.Region == Sample.Shanghai.Id ? Sample.Guangzhou.Id : Sample.Shanghai.Id;

        var fromInProgress = await world.Service.CopyImageAsync(new CopyImage(Sample.Alice.Id, image.Region, image.Id, target, "copy-a"));
        await world.Service.CompleteImageAsync(image.Id, succeeded: false);
        var fromFailed = await world.Service.CopyImageAsync(new CopyImage(Sample.Alice.Id, image.Region, image.Id, target, "copy-b"));

        Refusal.Is<ImageStateIncorrect>(fromInProgress.Failure, "InvalidImageId.IncorrectState");
        Refusal.Is<ImageStateIncorrect>(fromFailed.Failure, "InvalidImageId.IncorrectState");
    }

    [Fact]
    public async Task R14_a_copy_into_the_image_own_region_is_InvalidRegion_Unavailable()
    {
        var world = await TestWorld.CreateAsync();
        var source = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);

        var copied = await world.Service.CopyImageAsync(new CopyImage(Sample.Alice.Id, Sample.Guangzhou.Id, source.Id, Sample.Guangzhou.Id, "again"));

        Refusal.Is<RegionUnavailable>(copied.Failure, "InvalidRegion.Unavailable");
    }

    [Fact]
    public async Task R14_a_copy_to_an_unknown_region_is_InvalidRegion_NotFound()
    {
        var world = await TestWorld.CreateAsync();
        var source = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);

        var copied = await world.Service.CopyImageAsync(new CopyImage(Sample.Alice.Id, Sample.Guangzhou.Id, source.Id, new RegionId("ap-nowhere")));

        Refusal.Is<RegionNotFound>(copied.Failure, "InvalidRegion.NotFound");
    }

    [Fact]
    public async Task R14_a_copy_into_or_out_of_a_region_without_copy_is_InvalidRegion_Unavailable()
    {
        var world = await TestWorld.CreateAsync();
        var inGuangzhou = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);
        var inFinance = await world.ReadyImageAsync(Sample.Alice, Sample.Finance);

        var into = await world.Service.CopyImageAsync(new CopyImage(Sample.Alice.Id, Sample.Guangzhou.Id, inGuangzhou.Id, Sample.Finance.Id, "into"));
        var outOf = await world.Service.CopyImageAsync(new CopyImage(Sample.Alice.Id, Sample.Finance.Id, inFinance.Id, Sample.Guangzhou.Id, "out"));

        Assert.Equal(Sample.Finance.Id, Refusal.Is<RegionUnavailable>(into.Failure, "InvalidRegion.Unavailable").RegionId);
        Assert.Equal(Sample.Finance.Id, Refusal.Is<RegionUnavailable>(outOf.Failure, "InvalidRegion.Unavailable").RegionId);
    }

    [Fact]
    public async Task R15_a_copy_across_the_mainland_border_is_UnsupportedOperation_Region()
    {
        var world = await TestWorld.CreateAsync();
        var source = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);

        var copied = await world.Service.CopyImageAsync(new CopyImage(Sample.Alice.Id, Sample.Guangzhou.Id, source.Id, Sample.Singapore.Id));

        Refusal.Is<RegionUnsupported>(copied.Failure, "UnsupportedOperation.Region");
        Assert.Equal(1, world.Store.ImageCount);
    }

    [Fact]
    public async Task R15_a_copy_across_the_mainland_border_succeeds_when_the_options_allow_it()
    {
        var world = await TestWorld.CreateAsync(new ImageRulesOptions { AllowCopyAcrossMainlandBorder = true });
        var source = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);

        var copied = await world.Service.CopyImageAsync(new CopyImage(Sample.Alice.Id, Sample.Guangzhou.Id, source.Id, Sample.Singapore.Id));

        Assert.Equal(Sample.Singapore.Id, copied.Value.Copy.Region);
    }

    [Fact]
    public async Task R25_a_recipient_may_not_copy_a_shared_image_under_the_seed_profile()
    {
        var world = await TestWorld.CreateAsync();
        var source = await SharedWithBobAsync(world);

        var toOtherRegion = await world.Service.CopyImageAsync(new CopyImage(Sample.Bob.Id, Sample.Guangzhou.Id, source.Id, Sample.Shanghai.Id));
        var withinRegion = await world.Service.CopyImageAsync(new CopyImage(Sample.Bob.Id, Sample.Guangzhou.Id, source.Id, Sample.Guangzhou.Id));

        Refusal.Is<SharedImageModifyUnsupported>(toOtherRegion.Failure, "UnsupportedOperation.SharedImageModifyUnsupported");
        Refusal.Is<SharedImageModifyUnsupported>(withinRegion.Failure, "UnsupportedOperation.SharedImageModifyUnsupported");
        Assert.Equal(1, world.Store.ImageCount);
    }

    [Fact]
    public async Task R25_under_the_2025_profile_a_recipient_copies_a_shared_image_within_its_region_as_its_own()
    {
        var world = await TestWorld.CreateAsync(new ImageRulesOptions { Profile = ImageRulesProfile.Provider2025 });
        var source = await SharedWithBobAsync(world);

        var copied = await world.Service.CopyImageAsync(new CopyImage(Sample.Bob.Id, Sample.Guangzhou.Id, source.Id, Sample.Guangzhou.Id));
        var elsewhere = await world.Service.CopyImageAsync(new CopyImage(Sample.Bob.Id, Sample.Guangzhou.Id, source.Id, Sample.Shanghai.Id));

        var copy = copied.Value.Copy;
        Assert.Equal((Sample.Bob.Id, Sample.Guangzhou.Id, ImageState.Syncing), (copy.Owner, copy.Region, copy.State));
        var bobsOwn = (await world.Service.DescribeImagesAsync(new DescribeImages(Sample.Bob.Id, Sample.Guangzhou.Id, new ImageFilter { Kind = ImageKind.Custom }))).Value;
        Assert.Equal(new[] { copy.Id }, bobsOwn.Items.Select(v => v.Image.Id));
        Refusal.Is<SharedImageModifyUnsupported>(elsewhere.Failure, "UnsupportedOperation.SharedImageModifyUnsupported");
    }

    [Fact]
    public async Task R6_an_image_the_caller_cannot_see_is_InvalidImageId_NotFound()
    {
        var world = await TestWorld.CreateAsync();
        var source = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);

        var byStranger = await world.Service.CopyImageAsync(new CopyImage(Sample.Carol.Id, Sample.Guangzhou.Id, source.Id, Sample.Shanghai.Id));
        var fromOtherRegion = await world.Service.CopyImageAsync(new CopyImage(Sample.Alice.Id, Sample.Shanghai.Id, source.Id, Sample.HongKong.Id));
        var unknown = await world.Service.CopyImageAsync(new CopyImage(Sample.Alice.Id, Sample.Guangzhou.Id, new ImageId("img-nothere1"), Sample.Shanghai.Id));

        Refusal.Is<ImageNotFound>(byStranger.Failure, "InvalidImageId.NotFound");
        Refusal.Is<ImageNotFound>(fromOtherRegion.Failure, "InvalidImageId.NotFound");
        Refusal.Is<ImageNotFound>(unknown.Failure, "InvalidImageId.NotFound");
    }

    [Fact]
    public async Task R13_a_public_image_is_not_the_caller_to_copy()
    {
        var world = await TestWorld.CreateAsync();
        var image = Sample.PublicImage(Sample.Guangzhou);
        await world.Service.PublishPublicImageAsync(image);

        var copied = await world.Service.CopyImageAsync(new CopyImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, Sample.Shanghai.Id));

        Refusal.Is<ImageNotOwned>(copied.Failure, "UnauthorizedOperation.ImageNotBelongToAccount");
    }

    [Fact]
    public async Task R7_a_copy_by_an_unknown_caller_or_from_an_unknown_region_is_not_found()
    {
        var world = await TestWorld.CreateAsync();
        var source = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);

        var byStranger = await world.Service.CopyImageAsync(new CopyImage(new AccountId("99999999"), Sample.Guangzhou.Id, source.Id, Sample.Shanghai.Id));
        var fromNowhere = await world.Service.CopyImageAsync(new CopyImage(Sample.Alice.Id, new RegionId("eu-nowhere"), source.Id, Sample.Shanghai.Id));

        Refusal.Is<AccountNotFound>(byStranger.Failure, "InvalidAccountId.NotFound");
        Refusal.Is<RegionNotFound>(fromNowhere.Failure, "InvalidRegion.NotFound");
    }

    private static async Task<Image> SharedWithBobAsync(TestWorld world)
    {
        var source = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);
        Assert.True((await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, source.Id, [Sample.Bob.Id]))).IsSuccess);
        return source;
    }
}
