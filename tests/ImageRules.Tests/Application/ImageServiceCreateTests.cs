using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Application;

public class ImageServiceCreateTests
{
    private static readonly AccountId Stranger = new("99999999");

    [Fact]
    public async Task R10_R17_a_created_image_is_saved_creating_with_its_storage_quote()
    {
        var world = await TestWorld.CreateAsync();

        var created = (await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "web") with { Description = "front end" })).Value;

        var image = created.Image;
        Assert.Equal(new ImageId("img-t0000001"), image.Id);
        Assert.Equal(Sample.Alice.Id, image.Owner);
        Assert.Equal(Sample.Guangzhou.Id, image.Region);
        Assert.Equal(("web", "front end"), (image.Name, image.Description));
        Assert.Equal((ImageState.Creating, ImageSource.Instance, (InstanceId?)Sample.Instance), (image.State, image.Source, image.SourceInstance));
        Assert.Equal((Sample.TencentOs, Architecture.X86_64, 50), (image.OperatingSystem, image.Architecture, image.SizeGiB));
        Assert.Equal(Sample.Now, image.CreatedAt);
        Assert.Equal(new Money(2.5m, "USD"), created.StorageQuotePerMonth);
        Assert.Equal(image, await world.Store.FindImageAsync(image.Id));
    }

    [Fact]
    public async Task R7_an_unknown_caller_is_InvalidAccountId_NotFound_and_nothing_is_saved()
    {
        var world = await TestWorld.CreateAsync();

        var created = await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou) with { Caller = Stranger });

        Refusal.Is<AccountNotFound>(created.Failure, "InvalidAccountId.NotFound");
        Assert.Equal(0, world.Store.ImageCount);
    }

    [Fact]
    public async Task R7_an_unknown_region_is_InvalidRegion_NotFound_and_nothing_is_saved()
    {
        var world = await TestWorld.CreateAsync();

        var created = await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou) with { Region = new("eu-nowhere") });

        Refusal.Is<RegionNotFound>(created.Failure, "InvalidRegion.NotFound");
        Assert.Equal(0, world.Store.ImageCount);
    }

    [Fact]
    public async Task R11_the_eleventh_image_in_a_region_is_ImageQuotaLimitExceeded()
    {
        var world = await TestWorld.CreateAsync();
        await CreateManyAsync(world, Sample.Alice, Sample.Guangzhou, 10);

        var eleventh = await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "eleventh"));

        var refused = Refusal.Is<CustomImageQuotaExceeded>(eleventh.Failure, "ImageQuotaLimitExceeded");
        Assert.Equal(10, refused.Limit);
        Assert.Equal(10, world.Store.ImageCount);
    }

    [Fact]
    public async Task R11_images_in_every_state_count_until_deleted_and_deleting_frees_the_slot()
    {
        var world = await TestWorld.CreateAsync();
        var images = await CreateManyAsync(world, Sample.Alice, Sample.Guangzhou, 10);
        await world.Service.CompleteImageAsync(images[0], succeeded: false);
        await world.Service.CompleteImageAsync(images[1], succeeded: true);

        Assert.False((await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "full"))).IsSuccess);
        Assert.True((await world.Service.DeleteImageAsync(new DeleteImage(Sample.Alice.Id, Sample.Guangzhou.Id, images[0]))).IsSuccess);

        Assert.True((await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "freed"))).IsSuccess);
    }

    [Fact]
    public async Task R11_the_quota_is_per_account_and_region()
    {
        var world = await TestWorld.CreateAsync();
        await CreateManyAsync(world, Sample.Alice, Sample.Guangzhou, 10);

        Assert.True((await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Shanghai))).IsSuccess);
        Assert.True((await world.Service.CreateImageAsync(Sample.Create(Sample.Bob, Sample.Guangzhou))).IsSuccess);
    }

    [Fact]
    public async Task R11_images_shared_with_the_account_do_not_count()
    {
        var world = await TestWorld.CreateAsync();
        var bobs = await world.ReadyImageAsync(Sample.Bob, Sample.Guangzhou);
        Assert.True((await world.Service.ShareImageAsync(new ShareImage(Sample.Bob.Id, Sample.Guangzhou.Id, bobs.Id, [Sample.Alice.Id]))).IsSuccess);

        await CreateManyAsync(world, Sample.Alice, Sample.Guangzhou, 10);

        Assert.Equal(10, (await world.Service.DescribeQuotaAsync(new DescribeQuota(Sample.Alice.Id, Sample.Guangzhou.Id))).Value.Used);
    }

    [Fact]
    public async Task R12_a_name_used_by_the_owner_in_the_region_is_InvalidImageName_Duplicate()
    {
        var world = await TestWorld.CreateAsync();
        await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "web"));

        var duplicate = await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "web"));

        Refusal.Is<ImageNameDuplicate>(duplicate.Failure, "InvalidImageName.Duplicate");
        Assert.True((await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Shanghai, "web"))).IsSuccess);
        Assert.True((await world.Service.CreateImageAsync(Sample.Create(Sample.Bob, Sample.Guangzhou, "web"))).IsSuccess);
    }

    [Theory]
    [InlineData("", "", "ImageName", "InvalidParameterValue")]
    [InlineData(" web", "", "ImageName", "InvalidParameterValue")]
    [InlineData("tab\there", "", "ImageName", "InvalidParameterValue")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890", "", "ImageName", "InvalidParameterValue.TooLarge")]
    [InlineData("web", Long257, "ImageDescription", "InvalidParameterValue.TooLarge")]
    public async Task R12_an_invalid_name_or_description_is_refused_and_nothing_is_saved(string name, string description, string parameter, string code)
    {
        var world = await TestWorld.CreateAsync();

        var created = await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, name) with { Description = description });

        Assert.Equal((parameter, code), Refusal.OfParameter(created.Failure));
        Assert.Equal(0, world.Store.ImageCount);
    }

    [Fact]
    public async Task R12_a_name_of_60_characters_counted_as_people_count_them_is_accepted()
    {
        var world = await TestWorld.CreateAsync();
        var sixtyEmoji = string.Concat(Enumerable.Repeat("🚀", 60));

        var created = await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, sixtyEmoji));

        Assert.Equal(sixtyEmoji, created.Value.Image.Name);
    }

    [Fact]
    public async Task R11_quota_usage_counts_the_images_owned_in_the_region()
    {
        var world = await TestWorld.CreateAsync();
        await CreateManyAsync(world, Sample.Alice, Sample.Guangzhou, 3);

        var usage = (await world.Service.DescribeQuotaAsync(new DescribeQuota(Sample.Alice.Id, Sample.Guangzhou.Id))).Value;
        var elsewhere = (await world.Service.DescribeQuotaAsync(new DescribeQuota(Sample.Alice.Id, Sample.Shanghai.Id))).Value;

        Assert.Equal((Sample.Alice.Id, Sample.Guangzhou.Id, 3, 10, 7), (usage.Account, usage.Region, usage.Used, usage.Limit, usage.Remaining));
        Assert.Equal((0, 10), (elsewhere.Used, elsewhere.Remaining));
    }

    [Fact]
    public async Task R11_quota_usage_reports_the_configured_limit()
    {
        var world = await TestWorld.CreateAsync(new ImageRulesOptions { Profile = ImageRulesProfile.Provider2025 });

        var usage = (await world.Service.DescribeQuotaAsync(new DescribeQuota(Sample.Alice.Id, Sample.Guangzhou.Id))).Value;

        Assert.Equal((0, 500, 500), (usage.Used, usage.Limit, usage.Remaining));
    }

    [Fact]
    public async Task R7_quota_usage_of_an_unknown_caller_or_region_is_not_found()
    {
        var world = await TestWorld.CreateAsync();

        Refusal.Is<AccountNotFound>((await world.Service.DescribeQuotaAsync(new DescribeQuota(Stranger, Sample.Guangzhou.Id))).Failure, "InvalidAccountId.NotFound");
        Refusal.Is<RegionNotFound>((await world.Service.DescribeQuotaAsync(new DescribeQuota(Sample.Alice.Id, new("eu-nowhere")))).Failure, "InvalidRegion.NotFound");
    }

    private const string Long257 =
        "01234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789" +
        "01234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789" +
        "0123456789012345678901234567890123456";

    /// <summary>Creates <paramref name="count"/> images named image-1…image-n, each of which must succeed.</summary>
    internal static async Task<ImageId[]> CreateManyAsync(TestWorld world, Account owner, Region region, int count)
    {
        var ids = new ImageId[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = (await world.Service.CreateImageAsync(Sample.Create(owner, region, $"image-{i + 1}"))).Value.Image.Id;
        }

        return ids;
    }
}
