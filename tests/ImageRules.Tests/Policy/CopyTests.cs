using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Tests.Support;
using static ImageRules.Tests.Support.Sample;

namespace ImageRules.Tests.Policy;

/// <summary>Copying an image to another region (R14, R15; R11 in the target region; R13 and R25 for non-owners).</summary>
public class CopyTests
{
    private static readonly Image AlicesImage = CustomImage(Alice, Guangzhou);

    /// <summary>
    /// The engine's decision on copying <paramref name="source"/> to <paramref name="target"/>, asked in the source's
    /// region by <paramref name="caller"/> (Alice) holding <paramref name="grant"/>, over the caller's catalogue
    /// <paramref name="inTarget"/> in the target region.
    /// </summary>
    private static Result<ImageCopied> Copy(
        Image source,
        Region target,
        Account? caller = null,
        ShareGrant? grant = null,
        IEnumerable<Image>? inTarget = null,
        string? name = null,
        ImagePolicy? policy = null)
    {
        var who = caller ?? Alice;
        var facts = Engine.Facts(who, Engine.RegionOf(source.Region), source, grant is null ? [] : [grant], inTarget, target);
        return (policy ?? Engine.Seed).Decide(new CopyImage(who.Id, source.Region, source.Id, target.Id, name), facts);
    }

    [Fact]
    public void R14_owner_copies_a_normal_image_to_another_region_as_a_new_syncing_image_free_of_charge()
    {
        var copied = Copy(AlicesImage, Shanghai).Value;
        var copy = copied.Copy;

        Assert.Equal(AlicesImage, copied.Source);
        Assert.Equal(Engine.NewImageId, copy.Id);
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

        var failure = Refused.Because<ParameterTooLarge>(refused.Failure, "InvalidParameterValue.TooLarge", "61");
        Assert.Equal(new ParameterTooLarge("ImageName", 61, 60), failure);
    }

    [Fact]
    public void R14_R12_a_copy_whose_name_the_owner_uses_in_the_target_region_is_a_duplicate()
    {
        var refused = Copy(AlicesImage, Shanghai, inTarget: [CustomImage(Alice, Shanghai, "img-sh000001", name: AlicesImage.Name)]);

        var failure = Refused.Because<ImageNameDuplicate>(refused.Failure, "InvalidImageName.Duplicate", "`ap-shanghai`");
        Assert.Equal(new ImageNameDuplicate(AlicesImage.Name, Shanghai.Id), failure);
    }

    [Fact]
    public async Task R14_a_copy_carries_no_share_grants()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Alice, Guangzhou);
        Assert.True((await world.Service.ShareImageAsync(new ShareImage(Alice.Id, Guangzhou.Id, image.Id, [Bob.Id, Carol.Id]))).IsSuccess);

        var copy = (await world.Service.CopyImageAsync(new CopyImage(Alice.Id, Guangzhou.Id, image.Id, Shanghai.Id))).Value.Copy;

        Assert.Empty((await world.Service.DescribeShareGrantsAsync(new DescribeShareGrants(Alice.Id, Shanghai.Id, copy.Id))).Value);
        Refused.Because<ImageNotFound>((await world.Service.DescribeShareGrantsAsync(new DescribeShareGrants(Bob.Id, Shanghai.Id, copy.Id))).Failure, "InvalidImageId.NotFound", copy.Id.Value);
        Assert.Equal(2, (await world.Service.DescribeShareGrantsAsync(new DescribeShareGrants(Alice.Id, Guangzhou.Id, image.Id))).Value.Length);
    }

    [Fact]
    public void R14_copy_into_the_images_own_region_is_refused()
    {
        var refused = Copy(AlicesImage, Guangzhou);

        var failure = Refused.Because<RegionUnavailable>(refused.Failure, "InvalidRegion.Unavailable", "`ap-guangzhou`");
        Assert.Equal(new RegionUnavailable(Guangzhou.Id, ImageOperation.Copy, isImageRegion: true), failure);
    }

    [Fact]
    public void R14_copy_into_a_region_that_does_not_exist_is_refused()
    {
        var request = new CopyImage(Alice.Id, Guangzhou.Id, AlicesImage.Id, new RegionId("ap-atlantis"));

        var refused = Engine.Seed.Decide(request, Engine.Facts(Alice, Guangzhou, AlicesImage, target: null));

        var failure = Refused.Because<RegionNotFound>(refused.Failure, "InvalidRegion.NotFound", "`ap-atlantis`");
        Assert.Equal(new RegionNotFound("ap-atlantis"), failure);
    }

    [Fact]
    public void R14_copy_into_a_region_without_image_copy_is_refused()
    {
        var refused = Copy(AlicesImage, Finance);

        var failure = Refused.Because<RegionUnavailable>(refused.Failure, "InvalidRegion.Unavailable", "`ap-shanghai-fsi`");
        Assert.Equal(new RegionUnavailable(Finance.Id, ImageOperation.Copy, isImageRegion: false), failure);
    }

    [Fact]
    public void R14_copy_out_of_a_region_without_image_copy_is_refused()
    {
        var refused = Copy(CustomImage(Alice, Finance), Shanghai);

        var failure = Refused.Because<RegionUnavailable>(refused.Failure, "InvalidRegion.Unavailable", "`ap-shanghai-fsi`");
        Assert.Equal(new RegionUnavailable(Finance.Id, ImageOperation.Copy, isImageRegion: false), failure);
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
        var refused = Copy(Engine.JustMade(AlicesImage with { State = state }), Shanghai);

        var failure = Refused.Because<ImageStateIncorrect>(refused.Failure, "InvalidImageId.IncorrectState", $"`{state}`");
        Assert.Equal(new ImageStateIncorrect(AlicesImage.Id, state, ImageOperation.Copy), failure);
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
            Assert.True((await world.Service.CreateImageAsync(Create(Alice, Guangzhou, $"image-{i}"))).IsSuccess);
        }

        var copied = await world.Service.CopyImageAsync(new CopyImage(Alice.Id, Guangzhou.Id, image.Id, Shanghai.Id));

        Assert.True(copied.IsSuccess, copied.ToString());
        Assert.Equal(1, (await world.Service.DescribeQuotaAsync(new DescribeQuota(Alice.Id, Shanghai.Id))).Value.Used);
    }

    [Fact]
    public void R13_an_account_that_sees_a_public_image_cannot_copy_it()
    {
        var image = PublicImage(Guangzhou);

        var refused = Copy(image, Shanghai, caller: Bob);

        var failure = Refused.Because<ImageNotOwned>(refused.Failure, "UnauthorizedOperation.ImageNotBelongToAccount", image.Id.Value);
        Assert.Equal(new ImageNotOwned(image.Id, ImageOperation.Copy), failure);
    }

    [Fact]
    public void R6_an_account_that_cannot_see_the_image_is_told_it_does_not_exist()
    {
        var refused = Copy(AlicesImage, Shanghai, caller: Bob);

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

        var failure = Refused.Because<RegionUnsupported>(refused.Failure, "UnsupportedOperation.Region", $"from `{from}` to `{to}`");
        Assert.Equal(new RegionUnsupported(new RegionId(from), new RegionId(to), recipient: null), failure);
    }

    [Fact]
    public void R15_copy_across_the_mainland_border_is_allowed_when_the_options_allow_it()
    {
        var policy = Engine.With(o => o.AllowCopyAcrossMainlandBorder = true);

        var copied = Copy(AlicesImage, Singapore, policy: policy);

        Assert.True(copied.IsSuccess, copied.ToString());
    }

    [Fact]
    public void R15_copy_on_one_side_of_the_border_is_allowed()
    {
        var outside = Copy(CustomImage(Sam, Singapore), HongKong, caller: Sam);
        var inside = Copy(AlicesImage, Shanghai);

        Assert.True(outside.IsSuccess, outside.ToString());
        Assert.True(inside.IsSuccess, inside.ToString());
    }

    [Fact]
    public void R25_a_recipient_cannot_copy_a_shared_image()
    {
        var refused = Copy(AlicesImage, Shanghai, caller: Bob, grant: Grant(AlicesImage, Bob));

        var failure = Refused.Because<SharedImageModifyUnsupported>(refused.Failure, "UnsupportedOperation.SharedImageModifyUnsupported", AlicesImage.Id.Value);
        Assert.Equal(new SharedImageModifyUnsupported(AlicesImage.Id, ImageOperation.Copy), failure);
    }

    [Fact]
    public void R25_under_provider_2025_a_recipient_copies_a_shared_image_within_its_region_as_its_own_custom_image()
    {
        var copy = Copy(AlicesImage, Guangzhou, caller: Bob, grant: Grant(AlicesImage, Bob), policy: Engine.Provider2025).Value.Copy;

        Assert.Equal(Bob.Id, copy.Owner);
        Assert.Equal(Guangzhou.Id, copy.Region);
        Assert.Equal(ImageState.Syncing, copy.State);
        Assert.Equal(ImageKind.Custom, ImagePolicy.KindFor(copy, Bob.Id, Guangzhou.Id, null));
    }

    [Fact]
    public void R25_under_provider_2025_a_recipient_still_cannot_copy_a_shared_image_to_another_region()
    {
        var refused = Copy(AlicesImage, Shanghai, caller: Bob, grant: Grant(AlicesImage, Bob), policy: Engine.Provider2025);

        Refused.Because<SharedImageModifyUnsupported>(refused.Failure, "UnsupportedOperation.SharedImageModifyUnsupported", AlicesImage.Id.Value);
    }

    [Fact]
    public void R25_R11_under_provider_2025_a_recipients_copy_counts_against_its_own_quota()
    {
        var refused = Copy(AlicesImage, Guangzhou, caller: Bob, grant: Grant(AlicesImage, Bob), inTarget: CustomImages(Bob, Guangzhou, 500), policy: Engine.Provider2025);

        Refused.Because<CustomImageQuotaExceeded>(refused.Failure, "ImageQuotaLimitExceeded", $"`{Bob.Id}`");
    }
}
