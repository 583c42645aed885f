using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using static ImageRules.Tests.Support.Sample;

namespace ImageRules.Tests.Policy;

/// <summary>Renaming and re-describing a custom image (R12, R13, R25, R6).</summary>
public class ModifyTests
{
    private static readonly Image AlicesImage = CustomImage(Alice, Guangzhou, name: "image-1");

    /// <summary>
    /// The engine's decision on <paramref name="caller"/> (Alice) renaming and/or re-describing <paramref name="image"/>
    /// in its region, holding <paramref name="grant"/>, while the image's owner has <paramref name="ownerImages"/> there
    /// (the image alone).
    /// </summary>
    private static Result<ImageModified> Modify(Image image, string? name = null, string? description = null, Account? caller = null, ShareGrant? grant = null, IEnumerable<Image>? ownerImages = null)
    {
        var who = caller ?? Alice;
        var facts = Engine.Facts(who, Engine.RegionOf(image.Region), image, grant is null ? [] : [grant], ownerImages ?? [image]);
        return Engine.Seed.Decide(new ModifyImage(who.Id, image.Region, image.Id, name, description), facts);
    }

    [Fact]
    public void R12_owner_renames_and_redescribes_its_image()
    {
        var modified = Modify(AlicesImage, name: "web-v2", description: "patched").Value;

        Assert.Equal(AlicesImage, modified.Before);
        Assert.Equal(AlicesImage with { Name = "web-v2", Description = "patched" }, modified.Image);
        Assert.Equal(Now, modified.OccurredAt);
    }

    [Fact]
    public void R12_an_attribute_not_given_is_left_as_it_is()
    {
        var described = AlicesImage with { Description = "kept" };

        var renamed = Modify(described, name: "web-v2").Value.Image;
        var redescribed = Modify(described, description: "new").Value.Image;

        Assert.Equal(("web-v2", "kept"), (renamed.Name, renamed.Description));
        Assert.Equal(("image-1", "new"), (redescribed.Name, redescribed.Description));
    }

    [Fact]
    public void R12_a_new_name_of_60_characters_is_allowed_and_61_is_too_large()
    {
        var sixty = Modify(AlicesImage, name: new string('n', 60));
        var sixtyOne = Modify(AlicesImage, name: new string('n', 61));

        Assert.True(sixty.IsSuccess, sixty.ToString());
        Assert.Equal(new ParameterTooLarge("ImageName", 61, 60), Refused.Because<ParameterTooLarge>(sixtyOne.Failure, "InvalidParameterValue.TooLarge", "61"));
    }

    [Fact]
    public void R12_a_new_description_of_256_characters_is_allowed_and_257_is_too_large()
    {
        var full = Modify(AlicesImage, description: new string('d', 256));
        var over = Modify(AlicesImage, description: new string('d', 257));

        Assert.True(full.IsSuccess, full.ToString());
        Assert.Equal(new ParameterTooLarge("ImageDescription", 257, 256), Refused.Because<ParameterTooLarge>(over.Failure, "InvalidParameterValue.TooLarge", "257"));
    }

    [Fact]
    public void R12_an_empty_new_name_is_refused()
    {
        var refused = Modify(AlicesImage, name: "");

        var failure = Refused.Because<ParameterInvalid>(refused.Failure, "InvalidParameterValue", "``");
        Assert.Equal(new ParameterInvalid("ImageName", string.Empty, ValueProblem.Empty), failure);
    }

    [Fact]
    public void R12_renaming_to_the_name_of_another_of_the_owners_images_in_the_region_is_a_duplicate()
    {
        var images = CustomImages(Alice, Guangzhou, 3);

        var refused = Modify(images[0], name: "image-2", ownerImages: images);

        var failure = Refused.Because<ImageNameDuplicate>(refused.Failure, "InvalidImageName.Duplicate", "`image-2`");
        Assert.Equal(new ImageNameDuplicate("image-2", Guangzhou.Id), failure);
    }

    [Fact]
    public void R12_keeping_the_images_own_name_is_not_a_duplicate()
    {
        var images = CustomImages(Alice, Guangzhou, 3);

        var modified = Modify(images[0], name: "image-1", description: "same name", ownerImages: images);

        Assert.True(modified.IsSuccess, modified.ToString());
    }

    [Fact]
    public void R13_an_account_that_sees_a_public_image_cannot_rename_it()
    {
        var image = PublicImage(Guangzhou);

        var refused = Modify(image, name: "mine", caller: Bob, ownerImages: []);

        var failure = Refused.Because<ImageNotOwned>(refused.Failure, "UnauthorizedOperation.ImageNotBelongToAccount", image.Id.Value);
        Assert.Equal(new ImageNotOwned(image.Id, ImageOperation.Modify), failure);
    }

    [Fact]
    public void R25_a_recipient_cannot_rename_or_redescribe_a_shared_image()
    {
        var grant = Grant(AlicesImage, Bob);

        var rename = Modify(AlicesImage, name: "bobs", caller: Bob, grant: grant);
        var redescribe = Modify(AlicesImage, description: "bobs", caller: Bob, grant: grant);

        var unsupported = new SharedImageModifyUnsupported(AlicesImage.Id, ImageOperation.Modify);
        Assert.Equal(unsupported, Refused.Because<SharedImageModifyUnsupported>(rename.Failure, "UnsupportedOperation.SharedImageModifyUnsupported", AlicesImage.Id.Value));
        Assert.Equal(unsupported, Refused.Because<SharedImageModifyUnsupported>(redescribe.Failure, "UnsupportedOperation.SharedImageModifyUnsupported", AlicesImage.Id.Value));
    }

    [Fact]
    public void R6_an_account_that_cannot_see_the_image_is_told_it_does_not_exist()
    {
        var refused = Modify(AlicesImage, name: "taken", caller: Bob);

        var failure = Refused.Because<ImageNotFound>(refused.Failure, "InvalidImageId.NotFound", AlicesImage.Id.Value);
        Assert.DoesNotContain(Alice.Id.Value, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R6_the_owner_addressing_another_region_does_not_find_the_image()
    {
        var refused = Engine.Seed.Decide(new ModifyImage(Alice.Id, Shanghai.Id, AlicesImage.Id, "x"), Engine.Facts(Alice, Shanghai, AlicesImage, catalogue: [AlicesImage]));

        Refused.Because<ImageNotFound>(refused.Failure, "InvalidImageId.NotFound", AlicesImage.Id.Value);
    }
}
