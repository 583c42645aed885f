using System.Globalization;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Tests.Support;
using static ImageRules.Tests.Support.Sample;

namespace ImageRules.Tests.Policy;

/// <summary>Creating a custom image from an instance and completing it (R10–R12, R17).</summary>
public class CreateTests
{
    private static readonly ImagePolicy Policy = Engine.Seed;

    /// <summary>The engine's decision on <paramref name="request"/>, in the request's region (or <paramref name="region"/>), over the caller's <paramref name="catalogue"/> there.</summary>
    private static Result<ImageCreated> Decide(CreateImage request, IEnumerable<Image>? catalogue = null, Region? region = null, ImagePolicy? policy = null) =>
        (policy ?? Policy).Decide(request, Engine.Facts(Engine.AccountOf(request.Caller), region ?? Engine.RegionOf(request.Region), catalogue: catalogue));

    [Fact]
    public void R10_new_image_is_the_callers_starts_creating_in_the_instances_region_and_keeps_what_the_instance_holds()
    {
        var request = Create(Alice, Shanghai) with { Description = "nightly build" };

        var image = Decide(request).Value.Image;

        Assert.Equal(Engine.NewImageId, image.Id);
        Assert.Equal(Alice.Id, image.Owner);
        Assert.Equal(Shanghai.Id, image.Region);
        Assert.Equal(ImageState.Creating, image.State);
        Assert.Equal(ImageSource.Instance, image.Source);
        Assert.Equal(Instance, image.SourceInstance);
        Assert.Equal((request.Name, request.Description, request.OperatingSystem, request.Architecture, request.SizeGiB), (image.Name, image.Description, image.OperatingSystem, image.Architecture, image.SizeGiB));
        Assert.Equal(Now, image.CreatedAt);
    }

    [Fact]
    public void R10_image_is_made_in_the_instances_region_only()
    {
        var refused = Decide(Create(Alice, Shanghai), region: Guangzhou);

        var failure = Refused.Because<RegionNotFound>(refused.Failure, "InvalidRegion.NotFound", "`ap-shanghai`");
        Assert.Equal(new RegionNotFound("ap-shanghai"), failure);
    }

    [Fact]
    public void R10_an_instance_without_a_given_operating_system_is_tencentos()
    {
        var image = Decide(Create(Alice, Guangzhou) with { OperatingSystem = null }).Value.Image;

        Assert.Equal(TencentOs, image.OperatingSystem);
    }

    [Theory]
    [InlineData(ImageState.Creating, true, ImageState.Normal)]
    [InlineData(ImageState.Creating, false, ImageState.CreateFailed)]
    [InlineData(ImageState.Importing, true, ImageState.Normal)]
    [InlineData(ImageState.Importing, false, ImageState.ImportFailed)]
    [InlineData(ImageState.Syncing, true, ImageState.Normal)]
    [InlineData(ImageState.Syncing, false, ImageState.SyncFailed)]
    public void R10_an_image_in_progress_becomes_normal_or_failed_when_the_platform_reports(ImageState state, bool succeeded, ImageState after)
    {
        var image = Engine.JustMade(CustomImage(Alice, Guangzhou, state: state));

        var completed = Policy.Complete(image, succeeded, Now).Value;

        Assert.Equal(after, completed.Image.State);
        Assert.Equal(image, completed.Before);
        Assert.Equal(succeeded, completed.Succeeded);
        Assert.Equal(image with { State = after }, completed.Image);
    }

    [Theory]
    [InlineData(ImageState.Normal)]
    [InlineData(ImageState.CreateFailed)]
    [InlineData(ImageState.ImportFailed)]
    [InlineData(ImageState.SyncFailed)]
    public void R10_an_image_that_is_not_in_progress_cannot_be_completed(ImageState state)
    {
        var image = CustomImage(Alice, Guangzhou, state: state);

        var refused = Policy.Complete(image, succeeded: true, Now);

        var failure = Refused.Because<ImageStateIncorrect>(refused.Failure, "InvalidImageId.IncorrectState", $"`{state}`");
        Assert.Equal(new ImageStateIncorrect(image.Id, state, ImageOperation.Complete), failure);
    }

    [Fact]
    public async Task R10_the_platform_completes_a_public_image_in_progress_too()
    {
        var world = await TestWorld.CreateAsync();
        var image = PublicImage(Guangzhou, "img-pubsync1", state: ImageState.Syncing) with { CreatedAt = Now };
        Assert.True((await world.Service.PublishPublicImageAsync(image)).IsSuccess);

        var completed = await world.Service.CompleteImageAsync(image.Id, succeeded: true);

        Assert.Equal(image with { State = ImageState.Normal }, completed.Value.Image);
        Assert.Equal(ImageState.Normal, (await world.Service.GetImageAsync(new GetImage(Bob.Id, Guangzhou.Id, image.Id))).Value.Image.State);
    }

    [Fact]
    public void R11_tenth_custom_image_in_a_region_is_allowed()
    {
        var created = Decide(Create(Alice, Guangzhou), CustomImages(Alice, Guangzhou, 9));

        Assert.True(created.IsSuccess, created.ToString());
    }

    [Fact]
    public void R11_eleventh_custom_image_in_a_region_is_refused()
    {
        var refused = Decide(Create(Alice, Guangzhou), CustomImages(Alice, Guangzhou, 10));

        var failure = Refused.Because<CustomImageQuotaExceeded>(refused.Failure, "ImageQuotaLimitExceeded", "10 custom images in region `ap-guangzhou`");
        Assert.Equal(new CustomImageQuotaExceeded(Alice.Id, Guangzhou.Id, 10), failure);
        Assert.Contains($"`{Alice.Id}`", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R11_under_provider_2025_the_500th_image_is_allowed_and_the_501st_refused()
    {
        var fiveHundredth = Decide(Create(Alice, Guangzhou), CustomImages(Alice, Guangzhou, 499), policy: Engine.Provider2025);
        var fiveHundredFirst = Decide(Create(Alice, Guangzhou), CustomImages(Alice, Guangzhou, 500), policy: Engine.Provider2025);

        Assert.True(fiveHundredth.IsSuccess, fiveHundredth.ToString());
        Refused.Because<CustomImageQuotaExceeded>(fiveHundredFirst.Failure, "ImageQuotaLimitExceeded", "500");
    }

    [Theory]
    [InlineData(ImageState.Creating)]
    [InlineData(ImageState.Importing)]
    [InlineData(ImageState.Syncing)]
    [InlineData(ImageState.CreateFailed)]
    [InlineData(ImageState.ImportFailed)]
    [InlineData(ImageState.SyncFailed)]
    public void R11_images_in_every_state_count_against_the_quota(ImageState state)
    {
        var existing = CustomImages(Alice, Guangzhou, 10).Select(i => i with { State = state });

        var refused = Decide(Create(Alice, Guangzhou), existing);

        Refused.Because<CustomImageQuotaExceeded>(refused.Failure, "ImageQuotaLimitExceeded", "10");
    }

    [Fact]
    public async Task R11_the_quota_is_per_region()
    {
        var world = await TestWorld.CreateAsync();
        for (var i = 1; i <= 10; i++)
        {
            Assert.True((await world.Service.CreateImageAsync(Create(Alice, Guangzhou, $"image-{i}"))).IsSuccess);
        }

        var inShanghai = await world.Service.CreateImageAsync(Create(Alice, Shanghai, "image-11"));
        var inGuangzhou = await world.Service.CreateImageAsync(Create(Alice, Guangzhou, "image-11"));

        Assert.True(inShanghai.IsSuccess, inShanghai.ToString());
        Refused.Because<CustomImageQuotaExceeded>(inGuangzhou.Failure, "ImageQuotaLimitExceeded", "`ap-guangzhou`");
    }

    [Fact]
    public async Task R11_failed_images_count_until_deleted_and_deleting_one_frees_its_slot()
    {
        var world = await TestWorld.CreateAsync();
        var failed = new List<ImageId>();
        for (var i = 1; i <= 10; i++)
        {
            var created = (await world.Service.CreateImageAsync(Create(Alice, Guangzhou, $"image-{i}"))).Value;
            failed.Add((await world.Service.CompleteImageAsync(created.Image.Id, succeeded: false)).Value.ImageId);
        }

        var whileFull = await world.Service.CreateImageAsync(Create(Alice, Guangzhou, "image-11"));
        Assert.True((await world.Service.DeleteImageAsync(new DeleteImage(Alice.Id, Guangzhou.Id, failed[0]))).IsSuccess);
        var afterDelete = await world.Service.CreateImageAsync(Create(Alice, Guangzhou, "image-11"));

        Refused.Because<CustomImageQuotaExceeded>(whileFull.Failure, "ImageQuotaLimitExceeded", "10");
        Assert.True(afterDelete.IsSuccess, afterDelete.ToString());
    }

    [Fact]
    public async Task R11_images_shared_with_the_account_do_not_count()
    {
        var world = await TestWorld.CreateAsync();
        for (var i = 1; i <= 10; i++)
        {
            var image = await world.ReadyImageAsync(Alice, Guangzhou, $"alice-{i}");
            Assert.True((await world.Service.ShareImageAsync(new ShareImage(Alice.Id, Guangzhou.Id, image.Id, [Bob.Id]))).IsSuccess);
        }

        for (var i = 1; i <= 10; i++)
        {
            var own = await world.Service.CreateImageAsync(Create(Bob, Guangzhou, $"bob-{i}"));
            Assert.True(own.IsSuccess, own.ToString());
        }

        Assert.Equal(10, (await world.Service.DescribeQuotaAsync(new DescribeQuota(Bob.Id, Guangzhou.Id))).Value.Used);
    }

    [Fact]
    public void R12_name_of_60_characters_is_allowed()
    {
        var created = Decide(Create(Alice, Guangzhou, new string('n', 60)));

        Assert.True(created.IsSuccess, created.ToString());
    }

    [Fact]
    public void R12_name_of_61_characters_is_too_large()
    {
        var refused = Decide(Create(Alice, Guangzhou, new string('n', 61)));

        var failure = Refused.Because<ParameterTooLarge>(refused.Failure, "InvalidParameterValue.TooLarge", "61");
        Assert.Equal(new ParameterTooLarge("ImageName", 61, 60), failure);
    }

    [Fact]
    public void R12_name_length_counts_characters_as_people_do_so_an_emoji_counts_once()
    {
        var rocket = char.ConvertFromUtf32(0x1F680);

        var sixty = Decide(Create(Alice, Guangzhou, string.Concat(Enumerable.Repeat(rocket, 60))));
        var sixtyOne = Decide(Create(Alice, Guangzhou, string.Concat(Enumerable.Repeat(rocket, 61))));

        Assert.True(sixty.IsSuccess, sixty.ToString());
        Assert.Equal(new ParameterTooLarge("ImageName", 61, 60), Refused.Because<ParameterTooLarge>(sixtyOne.Failure, "InvalidParameterValue.TooLarge", "61"));
    }

    [Theory]
    [InlineData("", ValueProblem.Empty)]
    [InlineData("   ", ValueProblem.Empty)]
    [InlineData(" leading", ValueProblem.EdgeWhiteSpace)]
    [InlineData("trailing ", ValueProblem.EdgeWhiteSpace)]
    [InlineData("tab\tinside", ValueProblem.ForbiddenCharacters)]
    public void R12_empty_blank_or_broken_names_are_refused(string name, ValueProblem problem)
    {
        var refused = Decide(Create(Alice, Guangzhou, name));

        var failure = Refused.Because<ParameterInvalid>(refused.Failure, "InvalidParameterValue", $"`{name.Replace('\t', '?')}`");
        Assert.Equal(new ParameterInvalid("ImageName", name, problem), failure);
    }

    [Fact]
    public void R12_description_of_256_characters_is_allowed()
    {
        var created = Decide(Create(Alice, Guangzhou) with { Description = new string('d', 256) });

        Assert.True(created.IsSuccess, created.ToString());
    }

    [Fact]
    public void R12_description_of_257_characters_is_too_large()
    {
        var refused = Decide(Create(Alice, Guangzhou) with { Description = new string('d', 257) });

        var failure = Refused.Because<ParameterTooLarge>(refused.Failure, "InvalidParameterValue.TooLarge", "257");
        Assert.Equal(new ParameterTooLarge("ImageDescription", 257, 256), failure);
    }

    [Fact]
    public void R12_a_name_the_owner_already_uses_in_the_region_is_a_duplicate()
    {
        var refused = Decide(Create(Alice, Guangzhou, "image-3"), CustomImages(Alice, Guangzhou, 5));

        var failure = Refused.Because<ImageNameDuplicate>(refused.Failure, "InvalidImageName.Duplicate", "`image-3`");
        Assert.Equal(new ImageNameDuplicate("image-3", Guangzhou.Id), failure);
    }

    [Fact]
    public void R12_names_are_compared_exactly()
    {
        var created = Decide(Create(Alice, Guangzhou, "Image-3"), CustomImages(Alice, Guangzhou, 5));

        Assert.True(created.IsSuccess, created.ToString());
    }

    [Fact]
    public async Task R12_the_same_name_is_allowed_in_another_region_and_for_another_owner()
    {
        var world = await TestWorld.CreateAsync();
        Assert.True((await world.Service.CreateImageAsync(Create(Alice, Guangzhou, "web"))).IsSuccess);

        var otherRegion = await world.Service.CreateImageAsync(Create(Alice, Shanghai, "web"));
        var otherOwner = await world.Service.CreateImageAsync(Create(Bob, Guangzhou, "web"));
        var again = await world.Service.CreateImageAsync(Create(Alice, Guangzhou, "web"));

        Assert.True(otherRegion.IsSuccess, otherRegion.ToString());
        Assert.True(otherOwner.IsSuccess, otherOwner.ToString());
        Refused.Because<ImageNameDuplicate>(again.Failure, "InvalidImageName.Duplicate", "`web`");
    }

    [Fact]
    public void R17_creation_quotes_the_snapshot_storage_from_the_price_list()
    {
        var policy = new ImagePolicy(priceList: new FlatPriceList(0.12m, 0m, "CNY"));

        var created = Decide(Create(Alice, Guangzhou), policy: policy).Value;

        Assert.Equal(new Money(6.00m, "CNY"), created.StorageQuotePerMonth);
    }

    [Fact]
    public void R17_the_seed_price_list_quotes_every_gib_of_the_image()
    {
        var created = Decide(Create(Alice, Guangzhou) with { SizeGiB = 80 }).Value;

        Assert.Equal(new Money(4.00m, "USD"), created.StorageQuotePerMonth);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-50)]
    public void R17_an_instance_disk_below_1_gib_is_invalid_so_no_quote_is_ever_negative(int sizeGiB)
    {
        var refused = Decide(Create(Alice, Guangzhou) with { SizeGiB = sizeGiB });

        var failure = Refused.Because<ParameterInvalid>(refused.Failure, "InvalidParameterValue", $"`{sizeGiB}`");
        Assert.Equal(new ParameterInvalid("SystemDiskSize", sizeGiB.ToString(CultureInfo.InvariantCulture), ValueProblem.BelowMinimum), failure);
    }

    [Fact]
    public void R12_a_missing_description_is_stored_as_empty_never_as_null()
    {
        var image = Decide(Create(Alice, Guangzhou) with { Description = null! }).Value.Image;

        Assert.Equal(string.Empty, image.Description);
    }
}
