using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Application;

public class ImageServiceDescribeSharePermissionsTests
{
    [Fact]
    public async Task R27_the_owner_sees_every_grant()
    {
        var world = await TestWorld.CreateAsync();
        var image = await ImageServiceCancelSharingTests.SharedAsync(world, Sample.Bob, Sample.Carol);

        var grants = (await world.Service.DescribeShareGrantsAsync(new DescribeShareGrants(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id))).Value;

        Assert.Equal(new[] { Sample.Grant(image, Sample.Bob), Sample.Grant(image, Sample.Carol) }.ToHashSet(), grants.ToHashSet());
    }

    [Fact]
    public async Task R27_a_recipient_sees_only_its_own_grant()
    {
        var world = await TestWorld.CreateAsync();
        var image = await ImageServiceCancelSharingTests.SharedAsync(world, Sample.Bob, Sample.Carol);

        var grants = (await world.Service.DescribeShareGrantsAsync(new DescribeShareGrants(Sample.Bob.Id, Sample.Guangzhou.Id, image.Id))).Value;

        Assert.Equal(new[] { Sample.Grant(image, Sample.Bob) }, grants);
    }

    [Fact]
    public async Task R27_R6_an_account_without_a_grant_gets_InvalidImageId_NotFound()
    {
        var world = await TestWorld.CreateAsync();
        var image = await ImageServiceCancelSharingTests.SharedAsync(world, Sample.Bob);

        var stranger = await world.Service.DescribeShareGrantsAsync(new DescribeShareGrants(Sample.Carol.Id, Sample.Guangzhou.Id, image.Id));

        Refusal.Is<ImageNotFound>(stranger.Failure, "InvalidImageId.NotFound");
    }

    [Fact]
    public async Task R27_R24_a_cancelled_recipient_gets_InvalidImageId_NotFound()
    {
        var world = await TestWorld.CreateAsync();
        var image = await ImageServiceCancelSharingTests.SharedAsync(world, Sample.Bob);
        await world.Service.CancelSharingAsync(new CancelSharing(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [Sample.Bob.Id]));

        Refusal.Is<ImageNotFound>((await world.Service.DescribeShareGrantsAsync(new DescribeShareGrants(Sample.Bob.Id, Sample.Guangzhou.Id, image.Id))).Failure, "InvalidImageId.NotFound");
        Assert.Empty((await world.Service.DescribeShareGrantsAsync(new DescribeShareGrants(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id))).Value);
    }

    [Fact]
    public async Task R27_R5_grants_are_not_found_from_another_region()
    {
        var world = await TestWorld.CreateAsync();
        var image = await ImageServiceCancelSharingTests.SharedAsync(world, Sample.Bob);

        var byOwner = await world.Service.DescribeShareGrantsAsync(new DescribeShareGrants(Sample.Alice.Id, Sample.Shanghai.Id, image.Id));
        var byRecipient = await world.Service.DescribeShareGrantsAsync(new DescribeShareGrants(Sample.Bob.Id, Sample.Shanghai.Id, image.Id));

        Refusal.Is<ImageNotFound>(byOwner.Failure, "InvalidImageId.NotFound");
        Refusal.Is<ImageNotFound>(byRecipient.Failure, "InvalidImageId.NotFound");
    }

    [Fact]
    public async Task R27_R3_a_public_image_has_no_grants()
    {
        var world = await TestWorld.CreateAsync();
        var image = Sample.PublicImage(Sample.Guangzhou);
        await world.Service.PublishPublicImageAsync(image);

        Assert.Empty((await world.Service.DescribeShareGrantsAsync(new DescribeShareGrants(Sample.Carol.Id, Sample.Guangzhou.Id, image.Id))).Value);
    }

    [Fact]
    public async Task R7_R6_describing_grants_of_an_unknown_image_or_as_an_unknown_caller_or_region_is_not_found()
    {
        var world = await TestWorld.CreateAsync();
        var image = await ImageServiceCancelSharingTests.SharedAsync(world, Sample.Bob);

        var unknownImage = await world.Service.DescribeShareGrantsAsync(new DescribeShareGrants(Sample.Alice.Id, Sample.Guangzhou.Id, new ImageId("img-nothere1")));
        var unknownCaller = await world.Service.DescribeShareGrantsAsync(new DescribeShareGrants(new AccountId("99999999"), Sample.Guangzhou.Id, image.Id));
        var unknownRegion = await world.Service.DescribeShareGrantsAsync(new DescribeShareGrants(Sample.Alice.Id, new RegionId("eu-nowhere"), image.Id));

        Refusal.Is<ImageNotFound>(unknownImage.Failure, "InvalidImageId.NotFound");
        Refusal.Is<AccountNotFound>(unknownCaller.Failure, "InvalidAccountId.NotFound");
        Refusal.Is<RegionNotFound>(unknownRegion.Failure, "InvalidRegion.NotFound");
    }
}
