using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Tests.Support;
using static ImageRules.Tests.Support.Sample;

namespace ImageRules.Tests.Policy;

/// <summary>Who sees which image, as what kind, and how listings choose and page them (R1–R6).</summary>
public class VisibilityTests
{
    private static readonly ImagePolicy Policy = Engine.Seed;
    private static readonly Image AlicesImage = CustomImage(Alice, Guangzhou);

    /// <summary>The engine's answer to <paramref name="viewer"/> asking for <paramref name="image"/> in <paramref name="region"/>, holding <paramref name="grant"/>.</summary>
    private static Result<VisibleImage> Get(Image image, Account viewer, Region region, ShareGrant? grant = null) =>
        Policy.Decide(new GetImage(viewer.Id, region.Id, image.Id), Engine.Facts(viewer, region, image, grant is null ? [] : [grant]));

    [Fact]
    public void R1_the_kind_of_an_image_depends_on_who_looks()
    {
        var publicImage = PublicImage(Guangzhou);

        Assert.Equal(ImageKind.Public, ImagePolicy.KindFor(publicImage, Alice.Id, Guangzhou.Id, null));
        Assert.Equal(ImageKind.Public, ImagePolicy.KindFor(publicImage, Bob.Id, Guangzhou.Id, null));
        Assert.Equal(ImageKind.Custom, ImagePolicy.KindFor(AlicesImage, Alice.Id, Guangzhou.Id, null));
        Assert.Equal(ImageKind.Shared, ImagePolicy.KindFor(AlicesImage, Bob.Id, Guangzhou.Id, Grant(AlicesImage, Bob)));
    }

    [Fact]
    public void R1_a_shared_image_is_the_owners_custom_image_seen_through_a_grant()
    {
        var grant = Grant(AlicesImage, Bob);

        Assert.Equal(ImageKind.Custom, ImagePolicy.KindFor(AlicesImage, Alice.Id, Guangzhou.Id, grant));
        Assert.Equal(Alice.Id, grant.Owner);
        Assert.Equal(AlicesImage.Owner, grant.Owner);
    }

    [Fact]
    public void R2_page_size_defaults_to_20()
    {
        var page = PageRequest.Create().Value;

        Assert.Equal((0, 20), (page.Offset, page.Limit));
        Assert.Equal(PageRequest.First, page);
    }

    [Fact]
    public void R2_a_page_of_100_is_allowed()
    {
        Assert.Equal(100, PageRequest.Create(limit: 100).Value.Limit);
        Assert.Equal(1, PageRequest.Create(limit: 1).Value.Limit);
    }

    [Theory]
    [InlineData(101)]
    [InlineData(0)]
    [InlineData(-5)]
    public void R2_a_page_over_100_or_under_1_is_refused(int limit)
    {
        var refused = PageRequest.Create(limit: limit);

        var failure = Refused.Because<ParameterLimitExceeded>(refused.Failure, "InvalidParameterValue.LimitExceeded", $"`Limit` is {limit}");
        Assert.Equal(new ParameterLimitExceeded("Limit", limit, PageRequest.MaxLimit), failure);
    }

    [Fact]
    public void R2_a_negative_offset_is_refused()
    {
        var refused = PageRequest.Create(offset: -1);

        var failure = Refused.Because<ParameterInvalid>(refused.Failure, "InvalidParameterValue", "`-1`");
        Assert.Equal(new ParameterInvalid("Offset", "-1", ValueProblem.BelowMinimum), failure);
    }

    [Fact]
    public async Task R2_listings_page_by_default_20_at_most_100_and_count_every_match()
    {
        var world = await TestWorld.CreateAsync();
        for (var i = 1; i <= 25; i++)
        {
            Assert.True((await world.Service.PublishPublicImageAsync(PublicImage(Guangzhou, $"img-pub{i:D5}"))).IsSuccess);
        }

        var first = (await world.Service.DescribeImagesAsync(new DescribeImages(Alice.Id, Guangzhou.Id))).Value;
        var second = (await world.Service.DescribeImagesAsync(new DescribeImages(Alice.Id, Guangzhou.Id, Offset: 20))).Value;
        var whole = (await world.Service.DescribeImagesAsync(new DescribeImages(Alice.Id, Guangzhou.Id, Limit: 100))).Value;
        var tooLarge = await world.Service.DescribeImagesAsync(new DescribeImages(Alice.Id, Guangzhou.Id, Limit: 101));

        Assert.Equal((20, 25), (first.Items.Length, first.TotalCount));
        Assert.Equal(5, second.Items.Length);
        Assert.Empty(first.Items.Select(v => v.Image.Id).Intersect(second.Items.Select(v => v.Image.Id)));
        Assert.Equal(25, whole.Items.Length);
        Refused.Because<ParameterLimitExceeded>(tooLarge.Failure, "InvalidParameterValue.LimitExceeded", "101");
    }

    [Fact]
    public async Task R2_listings_filter_by_operating_system_architecture_kind_state_and_name()
    {
        var world = await TestWorld.CreateAsync();
        await world.Service.PublishPublicImageAsync(PublicImage(Guangzhou, "img-pububunt"));
        await world.Service.PublishPublicImageAsync(PublicImage(Guangzhou, "img-pubwindo", os: WindowsServer));
        await world.Service.PublishPublicImageAsync(PublicImage(Guangzhou, "img-pubi386x", os: TencentOs) with { Architecture = Architecture.I386 });
        var ready = await world.ReadyImageAsync(Alice, Guangzhou, "alice-ready");
        var creating = (await world.Service.CreateImageAsync(Create(Alice, Guangzhou, "alice-creating"))).Value.Image;
        var bobs = await world.ReadyImageAsync(Bob, Guangzhou, "bob-shared");
        Assert.True((await world.Service.ShareImageAsync(new ShareImage(Bob.Id, Guangzhou.Id, bobs.Id, [Alice.Id]))).IsSuccess);

        async Task<string[]> Ids(ImageFilter filter) =>
            [.. (await world.Service.DescribeImagesAsync(new DescribeImages(Alice.Id, Guangzhou.Id, filter, Limit: 100))).Value.Items.Select(v => v.Image.Id.Value).Order(StringComparer.Ordinal)];

        Assert.Equal(["img-pubwindo"], await Ids(new ImageFilter { OsFamily = OsFamily.Windows }));
        Assert.Equal(["img-pububunt"], await Ids(new ImageFilter { Platform = "ubuntu" }));
        Assert.Equal(["img-pubi386x"], await Ids(new ImageFilter { Architecture = Architecture.I386 }));
        Assert.Equal(["img-pubi386x", "img-pububunt", "img-pubwindo"], await Ids(new ImageFilter { Kind = ImageKind.Public }));
        Assert.Equal(new[] { ready.Id.Value, creating.Id.Value }.Order(StringComparer.Ordinal), await Ids(new ImageFilter { Kind = ImageKind.Custom }));
        Assert.Equal([bobs.Id.Value], await Ids(new ImageFilter { Kind = ImageKind.Shared }));
        Assert.Equal([creating.Id.Value], await Ids(new ImageFilter { State = ImageState.Creating }));
        Assert.Equal([ready.Id.Value], await Ids(new ImageFilter { NameContains = "READY" }));
        Assert.Equal(6, (await Ids(ImageFilter.None)).Length);
    }

    [Fact]
    public void R2_images_are_chosen_by_32_or_64_bit_architecture()
    {
        Assert.Equal(32, Architecture.I386.Bits());
        Assert.Equal(64, Architecture.X86_64.Bits());
        Assert.Equal(64, Architecture.Arm64.Bits());
        Assert.True(ArchitectureExtensions.TryParseProviderName("X86_64", out var parsed));
        Assert.Equal(Architecture.X86_64, parsed);
        Assert.Equal(["i386", "x86_64", "arm64"], Enum.GetValues<Architecture>().Select(a => a.ToProviderName()));
        Assert.False(ArchitectureExtensions.TryParseProviderName("amd64", out _));
    }

    [Fact]
    public void R3_a_public_image_is_visible_to_every_account_in_its_region_only()
    {
        var image = PublicImage(Guangzhou);

        foreach (var account in Accounts)
        {
            Assert.Equal(ImageKind.Public, Get(image, account, Guangzhou).Value.Kind);
            Refused.Because<ImageNotFound>(Get(image, account, Shanghai).Failure, "InvalidImageId.NotFound", image.Id.Value);
        }
    }

    [Fact]
    public async Task R3_public_images_carry_no_per_account_limit()
    {
        var world = await TestWorld.CreateAsync();
        for (var i = 1; i <= 12; i++)
        {
            Assert.True((await world.Service.PublishPublicImageAsync(PublicImage(Guangzhou, $"img-pub{i:D5}"))).IsSuccess);
        }

        Assert.Equal(0, (await world.Service.DescribeQuotaAsync(new DescribeQuota(Alice.Id, Guangzhou.Id))).Value.Used);
        for (var i = 1; i <= 10; i++)
        {
            Assert.True((await world.Service.CreateImageAsync(Create(Alice, Guangzhou, $"image-{i}"))).IsSuccess);
        }

        Assert.Equal(22, (await world.Service.DescribeImagesAsync(new DescribeImages(Alice.Id, Guangzhou.Id, Limit: 100))).Value.TotalCount);
    }

    [Fact]
    public void R4_a_custom_image_is_visible_only_to_its_owner_and_grant_holders()
    {
        var grant = Grant(AlicesImage, Bob);

        Assert.True(Get(AlicesImage, Alice, Guangzhou).IsSuccess);
        Assert.True(Get(AlicesImage, Bob, Guangzhou, grant).IsSuccess);
        foreach (var other in new[] { Carol, Helper, Sam })
        {
            Refused.Because<ImageNotFound>(Get(AlicesImage, other, Guangzhou).Failure, "InvalidImageId.NotFound", AlicesImage.Id.Value);
        }
    }

    [Fact]
    public void R4_a_grant_counts_only_for_its_own_image_recipient_and_owner()
    {
        var otherImage = CustomImage(Alice, Guangzhou, "img-other001");
        var forged = Grant(AlicesImage, Bob) with { Owner = Carol.Id };

        Assert.False(Get(AlicesImage, Carol, Guangzhou, Grant(AlicesImage, Bob)).IsSuccess);
        Assert.False(Get(AlicesImage, Bob, Guangzhou, Grant(otherImage, Bob)).IsSuccess);
        Assert.False(Get(AlicesImage, Bob, Guangzhou, forged).IsSuccess);
    }

    [Fact]
    public void R5_a_shared_image_is_visible_to_the_recipient_only_in_the_images_region()
    {
        var grant = Grant(AlicesImage, Bob);
        var grantElsewhere = grant with { Region = Shanghai.Id };

        Refused.Because<ImageNotFound>(Get(AlicesImage, Bob, Shanghai, grant).Failure, "InvalidImageId.NotFound", AlicesImage.Id.Value);
        Refused.Because<ImageNotFound>(Get(AlicesImage, Bob, Guangzhou, grantElsewhere).Failure, "InvalidImageId.NotFound", AlicesImage.Id.Value);
    }

    [Fact]
    public async Task R5_a_recipients_listing_shows_a_shared_image_only_in_its_region()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Alice, Guangzhou);
        Assert.True((await world.Service.ShareImageAsync(new ShareImage(Alice.Id, Guangzhou.Id, image.Id, [Bob.Id]))).IsSuccess);

        var here = (await world.Service.DescribeImagesAsync(new DescribeImages(Bob.Id, Guangzhou.Id))).Value;
        var elsewhere = (await world.Service.DescribeImagesAsync(new DescribeImages(Bob.Id, Shanghai.Id))).Value;

        var seen = Assert.Single(here.Items);
        Assert.Equal((image.Id, ImageKind.Shared, true), (seen.Image.Id, seen.Kind, seen.IsUntrustedSource));
        Assert.Empty(elsewhere.Items);
    }

    [Fact]
    public async Task R6_a_hidden_image_is_answered_exactly_like_one_that_does_not_exist()
    {
        var world = await TestWorld.CreateAsync();
        var hidden = await world.ReadyImageAsync(Alice, Guangzhou);
        var missing = new ImageId("img-missing1");

        foreach (var id in new[] { hidden.Id, missing })
        {
            var launch = await world.Service.LaunchAsync(new LaunchImage(Bob.Id, Guangzhou.Id, id));
            var get = await world.Service.GetImageAsync(new GetImage(Bob.Id, Guangzhou.Id, id));
            var delete = await world.Service.DeleteImageAsync(new DeleteImage(Bob.Id, Guangzhou.Id, id));
            var share = await world.Service.ShareImageAsync(new ShareImage(Bob.Id, Guangzhou.Id, id, [Carol.Id]));

            foreach (var failure in new[] { launch.Failure, get.Failure, delete.Failure, share.Failure })
            {
                var notFound = Refused.Because<ImageNotFound>(failure, "InvalidImageId.NotFound", id.Value);
                Assert.Equal(new ImageNotFound(id), notFound);
                Assert.Equal($"image `{id}` not found", notFound.Message);
            }
        }

        Assert.Empty((await world.Service.DescribeImagesAsync(new DescribeImages(Bob.Id, Guangzhou.Id, new ImageFilter { ImageIds = [hidden.Id] }))).Value.Items);
    }
}
