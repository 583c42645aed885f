using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Application;

public class ImageServiceLaunchTests
{
    [Fact]
    public async Task R30_R31_R34_a_public_image_is_launched_by_anyone_in_its_region_free_in_the_mainland()
    {
        var world = await TestWorld.CreateAsync();
        var windows = Sample.PublicImage(Sample.Guangzhou, "img-pub00001", Sample.WindowsServer);
        await world.Service.PublishPublicImageAsync(windows);

        var permit = (await world.Service.LaunchAsync(new LaunchImage(Sample.Sam.Id, Sample.Guangzhou.Id, windows.Id))).Value;

        Assert.Equal((ImageKind.Public, LaunchReason.PublicImage, Advisories.None), (permit.Kind, permit.Reason, permit.Advisories));
        Assert.True(permit.LicenceFeePerHour.IsFree);
    }

    [Fact]
    public async Task R31_a_public_windows_image_outside_the_mainland_carries_the_licence_fee()
    {
        var world = await TestWorld.CreateAsync();
        var windows = Sample.PublicImage(Sample.Singapore, "img-pub00001", Sample.WindowsServer);
        await world.Service.PublishPublicImageAsync(windows);

        var permit = (await world.Service.LaunchAsync(new LaunchImage(Sample.Alice.Id, Sample.Singapore.Id, windows.Id))).Value;

        Assert.Equal(new Money(0.04m, "USD"), permit.LicenceFeePerHour);
    }

    [Fact]
    public async Task R30_R26_R32_the_owner_launches_as_owner_and_a_recipient_through_its_grant_with_the_advisory()
    {
        var world = await TestWorld.CreateAsync();
        var image = await ImageServiceCancelSharingTests.SharedAsync(world, Sample.Bob);

        var owner = (await world.Service.LaunchAsync(new LaunchImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id))).Value;
        var recipient = (await world.Service.LaunchAsync(new LaunchImage(Sample.Bob.Id, Sample.Guangzhou.Id, image.Id))).Value;

        Assert.Equal((LaunchReason.Owner, Advisories.None), (owner.Reason, owner.Advisories));
        Assert.Equal((LaunchReason.ShareGrant, Advisories.UntrustedSource, Sample.Grant(image, Sample.Bob)), (recipient.Reason, recipient.Advisories, recipient.Grant));
        Assert.True(recipient.LicenceFeePerHour.IsFree);
    }

    [Fact]
    public async Task R30_an_image_not_yet_Normal_is_InvalidParameterValue_InvalidImageState()
    {
        var world = await TestWorld.CreateAsync();
        var image = (await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou))).Value.Image;

        var launch = await world.Service.LaunchAsync(new LaunchImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id));

        Refusal.Is<ImageStateInvalid>(launch.Failure, "InvalidParameterValue.InvalidImageState");
    }

    [Fact]
    public async Task R30_R6_R7_an_image_the_caller_cannot_see_or_an_unknown_caller_or_region_is_not_found()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);

        Refusal.Is<ImageNotFound>((await world.Service.LaunchAsync(new LaunchImage(Sample.Bob.Id, Sample.Guangzhou.Id, image.Id))).Failure, "InvalidImageId.NotFound");
        Refusal.Is<ImageNotFound>((await world.Service.LaunchAsync(new LaunchImage(Sample.Alice.Id, Sample.Shanghai.Id, image.Id))).Failure, "InvalidImageId.NotFound");
        Refusal.Is<ImageNotFound>((await world.Service.LaunchAsync(new LaunchImage(Sample.Alice.Id, Sample.Guangzhou.Id, new ImageId("img-nothere1")))).Failure, "InvalidImageId.NotFound");
        Refusal.Is<AccountNotFound>((await world.Service.LaunchAsync(new LaunchImage(new AccountId("99999999"), Sample.Guangzhou.Id, image.Id))).Failure, "InvalidAccountId.NotFound");
        Refusal.Is<RegionNotFound>((await world.Service.LaunchAsync(new LaunchImage(Sample.Alice.Id, new RegionId("eu-nowhere"), image.Id))).Failure, "InvalidRegion.NotFound");
    }
}
