using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Application;

public class ImageServiceModifyTests
{
    [Fact]
    public async Task R12_R13_the_owner_renames_and_redescribes_its_image()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);

        var modified = await world.Service.ModifyImageAsync(new ModifyImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, "api-server", "serves the api"));

        var after = image with { Name = "api-server", Description = "serves the api" };
        Assert.Equal(new ImageModified(image, after, Sample.Now), modified.Value);
        Assert.Equal(after, await world.Store.FindImageAsync(image.Id));
    }

    [Fact]
    public async Task R12_a_null_name_or_description_is_left_as_it_is()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);

        await world.Service.ModifyImageAsync(new ModifyImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, Description: "described"));
        await world.Service.ModifyImageAsync(new ModifyImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, Name: "renamed"));

        Assert.Equal(image with { Name = "renamed", Description = "described" }, await world.Store.FindImageAsync(image.Id));
    }

    [Fact]
    public async Task R12_renaming_an_image_to_its_own_name_is_allowed()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou, "web");

        Assert.True((await world.Service.ModifyImageAsync(new ModifyImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, "web"))).IsSuccess);
    }

    [Fact]
    public async Task R12_renaming_to_a_name_the_owner_uses_in_the_region_is_InvalidImageName_Duplicate()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou, "web");
        await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "db"));
        await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Shanghai, "cache"));

        var renamed = await world.Service.ModifyImageAsync(new ModifyImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, "db"));

        Refusal.Is<ImageNameDuplicate>(renamed.Failure, "InvalidImageName.Duplicate");
        Assert.True((await world.Service.ModifyImageAsync(new ModifyImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, "cache"))).IsSuccess);
    }

    [Theory]
    [InlineData("", null, "ImageName", "InvalidParameterValue")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890", null, "ImageName", "InvalidParameterValue.TooLarge")]
    [InlineData(null, 257, "ImageDescription", "InvalidParameterValue.TooLarge")]
    public async Task R12_an_invalid_new_name_or_description_is_refused_and_nothing_changes(string? name, int? descriptionLength, string parameter, string code)
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);
        var description = descriptionLength is { } length ? new string('d', length) : null;

        var modified = await world.Service.ModifyImageAsync(new ModifyImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, name, description));

        Assert.Equal((parameter, code), Refusal.OfParameter(modified.Failure));
        Assert.Equal(image, await world.Store.FindImageAsync(image.Id));
    }

    [Fact]
    public async Task R25_a_recipient_renaming_a_shared_image_is_UnsupportedOperation_SharedImageModifyUnsupported()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);
        await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [Sample.Bob.Id]));

        var renamed = await world.Service.ModifyImageAsync(new ModifyImage(Sample.Bob.Id, Sample.Guangzhou.Id, image.Id, "mine"));
        var described = await world.Service.ModifyImageAsync(new ModifyImage(Sample.Bob.Id, Sample.Guangzhou.Id, image.Id, Description: "mine"));

        Refusal.Is<SharedImageModifyUnsupported>(renamed.Failure, "UnsupportedOperation.SharedImageModifyUnsupported");
        Refusal.Is<SharedImageModifyUnsupported>(described.Failure, "UnsupportedOperation.SharedImageModifyUnsupported");
        Assert.Equal(image, await world.Store.FindImageAsync(image.Id));
    }

    [Fact]
    public async Task R6_R5_an_image_the_caller_cannot_see_there_is_InvalidImageId_NotFound()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);

        var byStranger = await world.Service.ModifyImageAsync(new ModifyImage(Sample.Carol.Id, Sample.Guangzhou.Id, image.Id, "mine"));
        var inOtherRegion = await world.Service.ModifyImageAsync(new ModifyImage(Sample.Alice.Id, Sample.Shanghai.Id, image.Id, "moved"));
        var unknown = await world.Service.ModifyImageAsync(new ModifyImage(Sample.Alice.Id, Sample.Guangzhou.Id, new ImageId("img-nothere1"), "x"));

        Refusal.Is<ImageNotFound>(byStranger.Failure, "InvalidImageId.NotFound");
        Refusal.Is<ImageNotFound>(inOtherRegion.Failure, "InvalidImageId.NotFound");
        Refusal.Is<ImageNotFound>(unknown.Failure, "InvalidImageId.NotFound");
    }

    [Fact]
    public async Task R13_a_public_image_is_not_the_caller_to_rename()
    {
        var world = await TestWorld.CreateAsync();
        var image = Sample.PublicImage(Sample.Guangzhou);
        await world.Service.PublishPublicImageAsync(image);

        var renamed = await world.Service.ModifyImageAsync(new ModifyImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, "mine"));

        Refusal.Is<ImageNotOwned>(renamed.Failure, "UnauthorizedOperation.ImageNotBelongToAccount");
    }

    [Fact]
    public async Task R7_a_rename_by_an_unknown_caller_or_in_an_unknown_region_is_not_found()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);

        var byStranger = await world.Service.ModifyImageAsync(new ModifyImage(new AccountId("99999999"), Sample.Guangzhou.Id, image.Id, "x"));
        var nowhere = await world.Service.ModifyImageAsync(new ModifyImage(Sample.Alice.Id, new RegionId("eu-nowhere"), image.Id, "x"));

        Refusal.Is<AccountNotFound>(byStranger.Failure, "InvalidAccountId.NotFound");
        Refusal.Is<RegionNotFound>(nowhere.Failure, "InvalidRegion.NotFound");
    }
}
