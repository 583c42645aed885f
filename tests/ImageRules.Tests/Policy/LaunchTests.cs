using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using static ImageRules.Tests.Support.Sample;

namespace ImageRules.Tests.Policy;

/// <summary>Launching an instance from an image (R26, R30–R34).</summary>
public class LaunchTests
{
    private static readonly ImagePolicy Policy = Engine.Seed;

    [Fact]
    public void R30_any_account_launches_a_public_image_of_the_region_because_it_is_public()
    {
        var image = PublicImage(Guangzhou);

        foreach (var account in Accounts)
        {
            var permit = Policy.Launch(image, account.Id, Guangzhou, null).Value;

            Assert.Equal(LaunchReason.PublicImage, permit.Reason);
            Assert.Equal(ImageKind.Public, permit.Kind);
            Assert.Null(permit.Grant);
        }
    }

    [Fact]
    public void R30_owner_launches_its_custom_image_because_it_owns_it()
    {
        var image = CustomImage(Alice, Guangzhou);

        var permit = Policy.Launch(image, Alice.Id, Guangzhou, null).Value;

        Assert.Equal(LaunchReason.Owner, permit.Reason);
        Assert.Equal(ImageKind.Custom, permit.Kind);
        Assert.Null(permit.Grant);
    }

    [Fact]
    public void R30_recipient_launches_a_shared_image_because_of_the_grant_named_in_the_permit()
    {
        var image = CustomImage(Alice, Guangzhou);
        var grant = Grant(image, Bob);

        var permit = Policy.Launch(image, Bob.Id, Guangzhou, grant).Value;

        Assert.Equal(LaunchReason.ShareGrant, permit.Reason);
        Assert.Equal(ImageKind.Shared, permit.Kind);
        Assert.Equal(grant, permit.Grant);
        Assert.Equal(image, permit.Image);
    }

    [Fact]
    public void R30_another_accounts_custom_image_without_a_grant_is_not_found()
    {
        var image = CustomImage(Alice, Guangzhou);

        var refused = Policy.Launch(image, Bob.Id, Guangzhou, null);

        Refused.Because<ImageNotFound>(refused.Failure, "InvalidImageId.NotFound", image.Id.Value);
    }

    [Fact]
    public void R30_a_grant_to_someone_else_does_not_let_the_caller_launch()
    {
        var image = CustomImage(Alice, Guangzhou);

        var refused = Policy.Launch(image, Carol.Id, Guangzhou, Grant(image, Bob));

        Refused.Because<ImageNotFound>(refused.Failure, "InvalidImageId.NotFound", image.Id.Value);
    }

    [Fact]
    public void R30_an_image_is_launched_only_in_its_own_region()
    {
        var publicImage = PublicImage(Guangzhou);
        var custom = CustomImage(Alice, Guangzhou);

        Refused.Because<ImageNotFound>(Policy.Launch(publicImage, Alice.Id, Shanghai, null).Failure, "InvalidImageId.NotFound", publicImage.Id.Value);
        Refused.Because<ImageNotFound>(Policy.Launch(custom, Alice.Id, Shanghai, null).Failure, "InvalidImageId.NotFound", custom.Id.Value);
        Refused.Because<ImageNotFound>(Policy.Launch(custom, Bob.Id, Shanghai, Grant(custom, Bob)).Failure, "InvalidImageId.NotFound", custom.Id.Value);
    }

    [Theory]
    [InlineData(ImageState.Creating)]
    [InlineData(ImageState.Importing)]
    [InlineData(ImageState.Syncing)]
    [InlineData(ImageState.CreateFailed)]
    [InlineData(ImageState.ImportFailed)]
    [InlineData(ImageState.SyncFailed)]
    public void R30_only_a_normal_image_is_launched(ImageState state)
    {
        var image = CustomImage(Alice, Guangzhou, state: state);

        var refused = Policy.Launch(image, Alice.Id, Guangzhou, null);

        Refused.Because<InvalidImageState>(refused.Failure, "InvalidParameterValue.InvalidImageState", $"`{state}`");
    }

    [Fact]
    public void R30_a_hidden_image_is_not_found_whatever_its_state()
    {
        var image = CustomImage(Alice, Guangzhou, state: ImageState.Creating);

        var refused = Policy.Launch(image, Bob.Id, Guangzhou, null);

        Refused.Because<ImageNotFound>(refused.Failure, "InvalidImageId.NotFound", image.Id.Value);
    }

    [Fact]
    public void R31_public_windows_image_outside_the_mainland_carries_the_regions_licence_fee()
    {
        var image = PublicImage(Singapore, os: WindowsServer);

        var permit = Policy.Launch(image, Sam.Id, Singapore, null).Value;

        Assert.Equal(new Money(0.04m, "USD"), permit.LicenceFeePerHour);
        Assert.False(permit.LicenceFeePerHour.IsFree);
    }

    [Fact]
    public void R31_the_licence_fee_comes_from_the_deployments_price_list()
    {
        var policy = new ImagePolicy(ImageRulesOptions.Seed with { PriceList = new FlatPriceList(0.1m, 1.25m, "CNY") });

        var permit = policy.Launch(PublicImage(Singapore, os: WindowsServer), Sam.Id, Singapore, null).Value;

        Assert.Equal(new Money(1.25m, "CNY"), permit.LicenceFeePerHour);
    }

    [Fact]
    public void R31_a_region_outside_the_mainland_that_charges_no_fee_launches_windows_free()
    {
        var permit = Policy.Launch(PublicImage(HongKong, os: WindowsServer), Alice.Id, HongKong, null).Value;

        Assert.True(permit.LicenceFeePerHour.IsFree);
    }

    [Fact]
    public void R31_a_mainland_region_never_charges_the_fee_even_when_flagged_to()
    {
        var flagged = Guangzhou with { ChargesWindowsLicenceFee = true };

        var permit = Policy.Launch(PublicImage(flagged, os: WindowsServer), Alice.Id, flagged, null).Value;

        Assert.True(permit.LicenceFeePerHour.IsFree);
        Assert.False(flagged.WindowsLicenceFeeApplies);
    }

    [Fact]
    public void R31_public_linux_images_are_free_even_where_windows_is_charged()
    {
        var permit = Policy.Launch(PublicImage(Singapore), Sam.Id, Singapore, null).Value;

        Assert.Equal(Money.Free("USD"), permit.LicenceFeePerHour);
    }

    [Fact]
    public void R32_a_shared_windows_image_costs_the_recipient_nothing_where_public_windows_is_charged()
    {
        var image = CustomImage(Sam, Singapore) with { OperatingSystem = WindowsServer };
        var recipient = Engine.RootOf(Singapore, 1);

        var permit = Policy.Launch(image, recipient.Id, Singapore, Grant(image, recipient)).Value;

        Assert.Equal(LaunchReason.ShareGrant, permit.Reason);
        Assert.True(permit.LicenceFeePerHour.IsFree);
    }

    [Fact]
    public void R33_the_platforms_own_os_is_supported_by_the_platform()
    {
        var permit = Policy.Launch(PublicImage(Guangzhou, os: TencentOs), Alice.Id, Guangzhou, null).Value;

        Assert.Equal(SupportChannel.Platform, permit.Support);
        Assert.Equal(SupportChannel.Platform, permit.Image.Support);
    }

    [Fact]
    public void R33_third_party_os_images_are_supported_by_their_vendor_with_the_platform_assisting()
    {
        var debian = new ImageOperatingSystem(OsFamily.Linux, OsPlatform.Debian, "Debian 12");

        foreach (var os in new[] { Ubuntu, WindowsServer, debian })
        {
            var permit = Policy.Launch(PublicImage(HongKong, os: os), Alice.Id, HongKong, null).Value;

            Assert.Equal(SupportChannel.VendorWithPlatformAssistance, permit.Support);
        }
    }

    [Fact]
    public void R33_support_follows_the_os_also_for_custom_and_shared_images()
    {
        var image = CustomImage(Alice, Guangzhou);

        Assert.Equal(SupportChannel.Platform, Policy.Launch(image, Bob.Id, Guangzhou, Grant(image, Bob)).Value.Support);
        Assert.Equal(SupportChannel.VendorWithPlatformAssistance, Policy.Launch(image with { OperatingSystem = Ubuntu }, Alice.Id, Guangzhou, null).Value.Support);
    }

    [Fact]
    public void R26_launching_a_shared_image_carries_the_untrusted_source_advisory()
    {
        var image = CustomImage(Alice, Guangzhou);

        var permit = Policy.Launch(image, Bob.Id, Guangzhou, Grant(image, Bob)).Value;

        Assert.Equal(Advisories.UntrustedSource, permit.Advisories);
    }

    [Fact]
    public void R34_public_and_owned_images_carry_no_untrusted_source_advisory()
    {
        var publicPermit = Policy.Launch(PublicImage(Guangzhou), Bob.Id, Guangzhou, null).Value;
        var ownerPermit = Policy.Launch(CustomImage(Alice, Guangzhou), Alice.Id, Guangzhou, null).Value;

        Assert.Equal(Advisories.None, publicPermit.Advisories);
        Assert.Equal(Advisories.None, ownerPermit.Advisories);
    }
}
