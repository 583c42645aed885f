using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Application;

public class ImageServiceDescribeImagesTests
{
    [Fact]
    public async Task R2_the_default_page_holds_20_and_counts_every_match()
    {
        var world = await TestWorld.CreateAsync(new ImageRulesOptions { Profile = ImageRulesProfile.Provider2025 });
        await ImageServiceCreateTests.CreateManyAsync(world, Sample.Alice, Sample.Guangzhou, 25);

        var page = (await world.Service.DescribeImagesAsync(new DescribeImages(Sample.Alice.Id, Sample.Guangzhou.Id))).Value;

        Assert.Equal((20, 25), (page.Items.Length, page.TotalCount));
    }

    [Theory]
    [InlineData(0, 0, "Limit", "InvalidParameterValue.LimitExceeded")]
    [InlineData(0, 101, "Limit", "InvalidParameterValue.LimitExceeded")]
    [InlineData(-1, 20, "Offset", "InvalidParameterValue")]
    public async Task R2_a_page_outside_the_limits_is_refused(int offset, int limit, string parameter, string code)
    {
        var world = await TestWorld.CreateAsync();

        var page = await world.Service.DescribeImagesAsync(new DescribeImages(Sample.Alice.Id, Sample.Guangzhou.Id, Offset: offset, Limit: limit));

        Assert.Equal((parameter, code), Refusal.OfParameter(page.Failure));
    }

    [Fact]
    public async Task R2_a_page_of_100_is_the_largest_allowed()
    {
        var world = await TestWorld.CreateAsync();

        Assert.True((await world.Service.DescribeImagesAsync(new DescribeImages(Sample.Alice.Id, Sample.Guangzhou.Id, Limit: 100))).IsSuccess);
    }

    [Fact]
    public async Task R1_R3_R4_a_listing_shows_public_own_and_shared_images_each_with_its_kind()
    {
        var world = await TestWorld.CreateAsync();
        var (bobSees, _) = await OneOfEachKindForBobAsync(world);

        var page = (await world.Service.DescribeImagesAsync(new DescribeImages(Sample.Bob.Id, Sample.Guangzhou.Id))).Value;

        Assert.Equal(bobSees, page.Items.ToDictionary(v => v.Image.Id, v => v.Kind));
        Assert.True(page.Items.Single(v => v.Kind == ImageKind.Shared).IsUntrustedSource);
    }

    [Fact]
    public async Task R2_filters_pass_through_to_the_listing()
    {
        var world = await TestWorld.CreateAsync();
        await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou, "web");
        await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "db"));

        var page = (await world.Service.DescribeImagesAsync(new DescribeImages(Sample.Alice.Id, Sample.Guangzhou.Id, new ImageFilter { State = ImageState.Creating }))).Value;

        Assert.Equal("db", Assert.Single(page.Items).Image.Name);
    }

    [Theory]
    [InlineData(ImageState.Creating, "recent")]
    [InlineData(ImageState.CreateFailed, "old")]
    public async Task R37_a_state_filter_matches_the_state_shown_past_the_transition_timeout(ImageState state, string name)
    {
        var world = await TestWorld.CreateAsync();
        await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "old"));
        world.Clock.Advance(world.Service.Policy.TransitionTimeout + TimeSpan.FromSeconds(1));
        await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "recent"));

        var page = (await world.Service.DescribeImagesAsync(new DescribeImages(Sample.Alice.Id, Sample.Guangzhou.Id, new ImageFilter { State = state }))).Value;

        Assert.Equal((1, name, state), (page.TotalCount, Assert.Single(page.Items).Image.Name, page.Items[0].Image.State));
    }

    [Fact]
    public async Task R7_a_listing_for_an_unknown_caller_or_region_is_not_found()
    {
        var world = await TestWorld.CreateAsync();

        Refusal.Is<AccountNotFound>((await world.Service.DescribeImagesAsync(new DescribeImages(new AccountId("99999999"), Sample.Guangzhou.Id))).Failure, "InvalidAccountId.NotFound");
        Refusal.Is<RegionNotFound>((await world.Service.DescribeImagesAsync(new DescribeImages(Sample.Alice.Id, new RegionId("eu-nowhere")))).Failure, "InvalidRegion.NotFound");
    }

    /// <summary>
    /// Publishes a public image in Guangzhou, makes Bob one of his own, shares one of Alice's with him and makes one of
    /// Carol's he must not see: what Bob sees there, by id and kind, and the shared image.
    /// </summary>
    internal static async Task<(Dictionary<ImageId, ImageKind> BobSees, Image Shared)> OneOfEachKindForBobAsync(TestWorld world)
    {
        var publicImage = Sample.PublicImage(Sample.Guangzhou);
        await world.Service.PublishPublicImageAsync(publicImage);
        var own = await world.ReadyImageAsync(Sample.Bob, Sample.Guangzhou, "bobs");
        var shared = await ImageServiceCancelSharingTests.SharedAsync(world, Sample.Bob);
        await world.ReadyImageAsync(Sample.Carol, Sample.Guangzhou, "carols");
        return (new() { [publicImage.Id] = ImageKind.Public, [own.Id] = ImageKind.Custom, [shared.Id] = ImageKind.Shared }, shared);
    }
}
