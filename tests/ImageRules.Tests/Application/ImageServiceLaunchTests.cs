using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Storage;
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

    /// <summary>
    /// The in-memory store's launch path (no facts built), another store's that answers at once, and one that answers
    /// only later (a state machine) decide every launch alike: allowed as owner, through a grant, refused as hidden,
    /// unknown, or not yet <c>Normal</c> (R30, R6, R7).
    /// </summary>
    [Fact]
    public async Task R30_a_launch_is_decided_alike_whether_the_store_answers_at_once_or_later()
    {
        var world = await TestWorld.CreateAsync();
        var shared = await ImageServiceCancelSharingTests.SharedAsync(world, Sample.Bob);
        var creating = (await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou) with { Name = "creating" })).Value.Image;
        var atOnce = new ImageService(world.Service.Policy, new PassingStore(world.Store, yields: false), new RandomImageIdGenerator(), TimeProvider.System);
        var later = new ImageService(world.Service.Policy, new PassingStore(world.Store, yields: true), new RandomImageIdGenerator(), TimeProvider.System);
        LaunchImage[] launches =
        [
            new(Sample.Alice.Id, Sample.Guangzhou.Id, shared.Id),
            new(Sample.Bob.Id, Sample.Guangzhou.Id, shared.Id),
            new(Sample.Sam.Id, Sample.Guangzhou.Id, shared.Id),
            new(Sample.Alice.Id, Sample.Guangzhou.Id, creating.Id),
            new(new AccountId("99999999"), Sample.Guangzhou.Id, shared.Id),
            new(Sample.Alice.Id, new RegionId("eu-nowhere"), shared.Id),
        ];

        var allowed = new List<bool>();
        foreach (var launch in launches)
        {
            var expected = await world.Service.DecideLaunchAsync(launch);
            Assert.Equal(expected.ToResult(), (await atOnce.DecideLaunchAsync(launch)).ToResult());
            Assert.Equal(expected.ToResult(), (await later.DecideLaunchAsync(launch)).ToResult());
            allowed.Add(expected.IsAllowed);
        }

        Assert.Equal([true, true, false, false, false, false], allowed);
    }

    /// <summary>Passes every call on; with <c>yields</c>, a facts load completes only after a yield.</summary>
    private sealed class PassingStore(IImageStore inner, bool yields) : DelegatingImageStore(inner)
    {
        public override async ValueTask<ImageFacts> LoadFactsAsync(FactsQuery query, CancellationToken cancellationToken = default)
        {
            if (yields)
            {
                await Task.Yield();
            }

            return await Inner.LoadFactsAsync(query, cancellationToken);
        }
    }
}
