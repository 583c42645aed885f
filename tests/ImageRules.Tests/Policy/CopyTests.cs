using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Policy.Requests;
using ImageRules.Tests.Support;
using static ImageRules.Tests.Support.Sample;

namespace ImageRules.Tests.Policy;

/// <summary>Copying an image to another region (R14, R15; R11 in the target region; R13 and R25 for non-owners).</summary>
public class CopyTests
{
    private static readonly Image AlicesImage = CustomImage(Alice, Guangzhou);

    private static Result<ImageCopied> Copy(
        Image source,
        Region target,
        AccountId? caller = null,
        ShareGrant? grant = null,
        IReadOnlyCollection<Image>? inTarget = null,
        string? name = null,
        ImagePolicy? policy = null) =>
        (policy ?? Engine.Seed).Copy(
            new CopyImageRequest(source.Id, target.Id, name),
            caller ?? Alice.Id,
            Regions.Single(r => r.Id == source.Region),
            source,
            grant,
            target,
            inTarget ?? [],
            Engine.NextImage);

    [Fact]
    public void R14_owner_copies_a_normal_image_to_another_region_as_a_new_syncing_image_free_of_charge()
    {
        var copied = Copy(AlicesImage, Shanghai).Value;
        var copy = copied.Copy;

        Assert.Equal(AlicesImage, copied.Source);
        Assert.Equal(Engine.NextImage.Id, copy.Id);
        Assert.NotEqual(AlicesImage.Id, copy.Id);
        Assert.Equal(Alice.Id, copy.Owner);
        Assert.Equal(Shanghai.Id, copy.Region);
        Assert.Equal((AlicesImage.Name, AlicesImage.OperatingSystem, AlicesImage.Architecture, AlicesImage.SizeGiB), (copy.Name, copy.OperatingSystem, copy.Architecture, copy.SizeGiB));
        Assert.Equal(ImageState.Syncing, copy.State);
        Assert.Equal(ImageSource.Copied, copy.Source);
        Assert.Equal(AlicesImage.Id, copy.CopiedFrom);
        Assert.Equal(Now, copy.CreatedAt);
        Assert.True(copied.Charge.IsFree);
    }

    [Fact]
    public void R14_a_copy_is_made_from_the_image_and_names_no_instance()
    {
        var copy = Copy(AlicesImage, Shanghai).Value.Copy;

        // The source instance belongs to the source's owner and region; a copy (possibly another account's, under
        // Provider 2025) comes from the image, so it must not carry that instance.
        Assert.NotNull(AlicesImage.SourceInstance);
        Assert.Null(copy.SourceInstance);
    }

    [Fact]
    public void R14_a_copy_takes_the_name_it_is_given()
    {
        var copy = Copy(AlicesImage, Shanghai, name: "web-server-shanghai").Value.Copy;

        Assert.Equal("web-server-shanghai", copy.Name);
    }

    [Fact]
    public void R14_R12_a_given_name_follows_the_name_rules()
    {
        var refused = Copy(AlicesImage, Shanghai, name: new string('n', 61));

        Refused.Because<ImageNameTooLong>(refused.Failure, "InvalidParameterValue.TooLarge", "61");
    }

    [Fact]
    public void R14_R12_a_copy_whose_name_the_owner_uses_in_the_target_region_is_a_duplicate()
    {
        var refused = Copy(AlicesImage, Shanghai, inTarget: [CustomImage(Alice, Shanghai, "img-sh000001", name: AlicesImage.Name)]);

        Refused.Because<DuplicateImageName>(refused.Failure, "InvalidImageName.Duplicate", "`ap-shanghai`");
    }

    [Fact]
    public async Task R14_a_copy_carries_no_share_grants()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Alice, Guangzhou);
        Assert.True((await world.Service.ShareImageAsync(Alice.Id, Guangzhou.Id, image.Id, [Bob.Id, Carol.Id])).IsSuccess);

        var copy = (await world.Service.CopyImageAsync(Alice.Id, Guangzhou.Id, new CopyImageRequest(image.Id, Shanghai.Id))).Value.Copy;

        Assert.Empty((await world.Service.DescribeSharePermissionsAsync(Alice.Id, Shanghai.Id, copy.Id)).Value);
        Refused.Because<ImageNotFound>((await world.Service.DescribeSharePermissionsAsync(Bob.Id, Shanghai.Id, copy.Id)).Failure, "InvalidImageId.NotFound", copy.Id.Value);
        Assert.Equal(2, (await world.Service.DescribeSharePermissionsAsync(Alice.Id, Guangzhou.Id, image.Id)).Value.Length);
    }

    [Fact]
    public void R14_copy_into_the_images_own_region_is_refused()
    {
        var refused = Copy(AlicesImage, Guangzhou);

        Refused.Because<RegionUnavailable>(refused.Failure, "InvalidRegion.Unavailable", "`ap-guangzhou`");
    }

    [Fact]
    public void R14_copy_into_a_region_that_does_not_exist_is_refused()
    {
        var request = new CopyImageRequest(AlicesImage.Id, new RegionId("ap-atlantis"));

        var refused = Engine.Seed.Copy(request, Alice.Id, Guangzhou, AlicesImage, null, targetRegion: null, [], Engine.NextImage);

        Refused.Because<RegionNotFound>(refused.Failure, "InvalidRegion.NotFound", "`ap-atlantis`");
    }

    [Fact]
    public void R14_copy_into_a_region_without_image_copy_is_refused()
    {
        var refused = Copy(AlicesImage, Finance);

        Refused.Because<RegionUnavailable>(refused.Failure, "InvalidRegion.Unavailable", "`ap-shanghai-fsi`");
    }

    [Fact]
    public void R14_copy_out_of_a_region_without_image_copy_is_refused()
    {
        var refused = Copy(CustomImage(Alice, Finance), Shanghai);

        Refused.Because<RegionUnavailable>(refused.Failure, "InvalidRegion.Unavailable", "`ap-shanghai-fsi`");
    }

    [Theory]
    [InlineData(ImageState.Creating)]
    [InlineData(ImageState.Importing)]
    [InlineData(ImageState.Syncing)]
    [InlineData(ImageState.CreateFailed)]
    [InlineData(ImageState.ImportFailed)]
    [InlineData(ImageState.SyncFailed)]
    public void R14_only_a_normal_image_is_copied(ImageState state)
    {
        var refused = Copy(AlicesImage with { State = state }, Shanghai);

        Refused.Because<IncorrectImageState>(refused.Failure, "InvalidImageId.IncorrectState", $"`{state}`");
    }

    [Fact]
    public void R14_R11_the_copy_counts_against_the_owners_quota_in_the_target_region()
    {
        var tenth = Copy(AlicesImage, Shanghai, inTarget: CustomImages(Alice, Shanghai, 9));
        var eleventh = Copy(AlicesImage, Shanghai, inTarget: CustomImages(Alice, Shanghai, 10));

        Assert.True(tenth.IsSuccess, tenth.ToString());
        Refused.Because<CustomImageQuotaExceeded>(eleventh.Failure, "ImageQuotaLimitExceeded", "`ap-shanghai`");
    }

    [Fact]
    public async Task R14_R11_a_full_source_region_does_not_stop_a_copy()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Alice, Guangzhou, "image-1");
        for (var i = 2; i <= 10; i++)
        {
            Assert.True((await world.Service.CreateImageAsync(Alice.Id, Create(Guangzhou, $"image-{i}"))).IsSuccess);
        }

        var copied = await world.Service.CopyImageAsync(Alice.Id, Guangzhou.Id, new CopyImageRequest(image.Id, Shanghai.Id));

        Assert.True(copied.IsSuccess, copied.ToString());
        Assert.Equal(1, (await world.Service.GetQuotaAsync(Alice.Id, Shanghai.Id)).Value.Used);
    }

    [Fact]
    public void R13_an_account_that_sees_a_public_image_cannot_copy_it()
    {
        var image = PublicImage(Guangzhou);

        var refused = Copy(image, Shanghai, caller: Bob.Id);

        Refused.Because<NotImageOwner>(refused.Failure, "UnauthorizedOperation.ImageNotBelongToAccount", image.Id.Value);
    }

    [Fact]
    public void R6_an_account_that_cannot_see_the_image_is_told_it_does_not_exist()
    {
        var refused = Copy(AlicesImage, Shanghai, caller: Bob.Id);

        Refused.Because<ImageNotFound>(refused.Failure, "InvalidImageId.NotFound", AlicesImage.Id.Value);
    }

    [Theory]
    [InlineData("ap-guangzhou", "ap-singapore")]
    [InlineData("ap-singapore", "ap-shanghai")]
    [InlineData("ap-hongkong", "ap-guangzhou")]
    public void R15_copy_across_the_mainland_border_is_refused(string from, string to)
    {
        var source = CustomImage(Alice, Regions.Single(r => r.Id.Value == from));

        var refused = Copy(source, Regions.Single(r => r.Id.Value == to));

        Refused.Because<CrossMainlandCopyUnsupported>(refused.Failure, "UnsupportedOperation.Region", $"from region `{from}` to region `{to}`");
    }

    [Fact]
    public void R15_copy_across_the_mainland_border_is_allowed_when_the_options_allow_it()
    {
        var policy = new ImagePolicy(ImageRulesOptions.Seed with { AllowCopyAcrossMainlandBorder = true });

        var copied = Copy(AlicesImage, Singapore, policy: policy);

        Assert.True(copied.IsSuccess, copied.ToString());
    }

    [Fact]
    public void R15_copy_on_one_side_of_the_border_is_allowed()
    {
        var outside = Copy(CustomImage(Sam, Singapore), HongKong, caller: Sam.Id);
        var inside = Copy(AlicesImage, Shanghai);

        Assert.True(outside.IsSuccess, outside.ToString());
        Assert.True(inside.IsSuccess, inside.ToString());
    }

    [Fact]
    public void R25_a_recipient_cannot_copy_a_shared_image()
    {
        var refused = Copy(AlicesImage, Shanghai, caller: Bob.Id, grant: Grant(AlicesImage, Bob));

        Refused.Because<SharedImageModifyUnsupported>(refused.Failure, "UnsupportedOperation.SharedImageModifyUnsupported", AlicesImage.Id.Value);
    }

    [Fact]
    public void R25_under_provider_2025_a_recipient_copies_a_shared_image_within_its_region_as_its_own_custom_image()
    {
        var copy = Copy(AlicesImage, Guangzhou, caller: Bob.Id, grant: Grant(AlicesImage, Bob), policy: Engine.Provider2025).Value.Copy;

        Assert.Equal(Bob.Id, copy.Owner);
        Assert.Equal(Guangzhou.Id, copy.Region);
        Assert.Equal(ImageState.Syncing, copy.State);
        Assert.Equal(ImageKind.Custom, Engine.Provider2025.See(copy, Bob.Id, Guangzhou.Id, null).Value);
    }

    [Fact]
    public void R25_under_provider_2025_a_recipient_still_cannot_copy_a_shared_image_to_another_region()
    {
        var refused = Copy(AlicesImage, Shanghai, caller: Bob.Id, grant: Grant(AlicesImage, Bob), policy: Engine.Provider2025);

        Refused.Because<SharedImageModifyUnsupported>(refused.Failure, "UnsupportedOperation.SharedImageModifyUnsupported", AlicesImage.Id.Value);
    }

    [Fact]
    public void R25_R11_under_provider_2025_a_recipients_copy_counts_against_its_own_quota()
    {
        var refused = Copy(AlicesImage, Guangzhou, caller: Bob.Id, grant: Grant(AlicesImage, Bob), inTarget: CustomImages(Bob, Guangzhou, 500), policy: Engine.Provider2025);

        Refused.Because<CustomImageQuotaExceeded>(refused.Failure, "ImageQuotaLimitExceeded", $"`{Bob.Id}`");
    }
}
