using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using static ImageRules.Tests.Support.Sample;

namespace ImageRules.Tests.Policy;

/// <summary>Launching an instance from an image (R26, R30–R34).</summary>
public class LaunchTests
{
    private static readonly ImagePolicy Policy = Engine.Seed;

    /// <summary>The engine's launch decision, as a result, on <paramref name="caller"/> launching <paramref name="image"/> in <paramref name="region"/> holding <paramref name="grant"/>.</summary>
    private static Result<LaunchPermit> Launch(Image image, Account caller, Region region, ShareGrant? grant = null, ImagePolicy? policy = null) =>
        (policy ?? Policy).Decide(new LaunchImage(caller.Id, region.Id, image.Id), Engine.Facts(caller, region, image, grant is null ? [] : [grant])).ToResult();

    [Fact]
    public void R30_any_account_launches_a_public_image_of_the_region_because_it_is_public()
    {
        var image = PublicImage(Guangzhou);

        foreach (var account in Accounts)
        {
            var permit = Launch(image, account, Guangzhou).Value;

            Assert.Equal(LaunchReason.PublicImage, permit.Reason);
            Assert.Equal(ImageKind.Public, permit.Kind);
            Assert.Null(permit.Grant);
        }
    }

    [Fact]
    public void R30_owner_launches_its_custom_image_because_it_owns_it()
    {
        var image = CustomImage(Alice, Guangzhou);

        var permit = Launch(image, Alice, Guangzhou).Value;

        Assert.Equal(LaunchReason.Owner, permit.Reason);
        Assert.Equal(ImageKind.Custom, permit.Kind);
        Assert.Null(permit.Grant);
    }

    [Fact]
    public void R30_recipient_launches_a_shared_image_because_of_the_grant_named_in_the_permit()
    {
        var image = CustomImage(Alice, Guangzhou);
        var grant = Grant(image, Bob);

        var permit = Launch(image, Bob, Guangzhou, grant).Value;

        Assert.Equal(LaunchReason.ShareGrant, permit.Reason);
        Assert.Equal(ImageKind.Shared, permit.Kind);
        Assert.Equal(grant, permit.Grant);
        Assert.Equal(image, permit.Image);
    }

    [Fact]
    public void R30_another_accounts_custom_image_without_a_grant_is_not_found()
    {
        var image = CustomImage(Alice, Guangzhou);

        var refused = Launch(image, Bob, Guangzhou);

        Refused.Because<ImageNotFound>(refused.Failure, "InvalidImageId.NotFound", image.Id.Value);
    }

    [Fact]
    public void R30_a_grant_to_someone_else_does_not_let_the_caller_launch()
    {
        var image = CustomImage(Alice, Guangzhou);

        var refused = Launch(image, Carol, Guangzhou, Grant(image, Bob));

        Refused.Because<ImageNotFound>(refused.Failure, "InvalidImageId.NotFound", image.Id.Value);
    }

    [Fact]
    public void R30_an_image_is_launched_only_in_its_own_region()
    {
        var publicImage = PublicImage(Guangzhou);
        var custom = CustomImage(Alice, Guangzhou);

        Refused.Because<ImageNotFound>(Launch(publicImage, Alice, Shanghai).Failure, "InvalidImageId.NotFound", publicImage.Id.Value);
        Refused.Because<ImageNotFound>(Launch(custom, Alice, Shanghai).Failure, "InvalidImageId.NotFound", custom.Id.Value);
        Refused.Because<ImageNotFound>(Launch(custom, Bob, Shanghai, Grant(custom, Bob)).Failure, "InvalidImageId.NotFound", custom.Id.Value);
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

        var refused = Launch(Engine.JustMade(image), Alice, Guangzhou);

        var failure = Refused.Because<ImageStateInvalid>(refused.Failure, "InvalidParameterValue.InvalidImageState", $"`{state}`");
        Assert.Equal(new ImageStateInvalid(image.Id, state, ImageOperation.Launch), failure);
    }

    [Fact]
    public void R30_a_hidden_image_is_not_found_whatever_its_state()
    {
        var image = Engine.JustMade(CustomImage(Alice, Guangzhou, state: ImageState.Creating));

        var refused = Launch(image, Bob, Guangzhou);

        Refused.Because<ImageNotFound>(refused.Failure, "InvalidImageId.NotFound", image.Id.Value);
    }

    [Fact]
    public void R31_public_windows_image_outside_the_mainland_carries_the_regions_licence_fee()
    {
        var image = PublicImage(Singapore, os: WindowsServer);

        var permit = Launch(image, Sam, Singapore).Value;

        Assert.Equal(new Money(0.04m, "USD"), permit.LicenceFeePerHour);
        Assert.False(permit.LicenceFeePerHour.IsFree);
    }

    [Fact]
    public void R31_the_licence_fee_comes_from_the_deployments_price_list()
    {
        var policy = new ImagePolicy(priceList: new FlatPriceList(0.1m, 1.25m, "CNY"));

        var permit = Launch(PublicImage(Singapore, os: WindowsServer), Sam, Singapore, policy: policy).Value;

        Assert.Equal(new Money(1.25m, "CNY"), permit.LicenceFeePerHour);
    }

    [Fact]
    public void R31_a_region_outside_the_mainland_that_charges_no_fee_launches_windows_free()
    {
        var permit = Launch(PublicImage(HongKong, os: WindowsServer), Alice, HongKong).Value;

        Assert.True(permit.LicenceFeePerHour.IsFree);
    }

    [Fact]
    public void R31_a_mainland_region_never_charges_the_fee_even_when_flagged_to()
    {
        var flagged = Guangzhou with { ChargesWindowsLicenceFee = true };

        var permit = Launch(PublicImage(flagged, os: WindowsServer), Alice, flagged).Value;

        Assert.True(permit.LicenceFeePerHour.IsFree);
        Assert.False(flagged.WindowsLicenceFeeApplies);
    }

    [Fact]
    public void R31_public_linux_images_are_free_even_where_windows_is_charged()
    {
        var permit = Launch(PublicImage(Singapore), Sam, Singapore).Value;

        Assert.Equal(Money.Free("USD"), permit.LicenceFeePerHour);
    }

    [Fact]
    public void R32_a_shared_windows_image_costs_the_recipient_nothing_where_public_windows_is_charged()
    {
        var image = CustomImage(Sam, Singapore) with { OperatingSystem = WindowsServer };
        var recipient = Engine.RootOf(Singapore, 1);

        var permit = Launch(image, recipient, Singapore, Grant(image, recipient)).Value;

        Assert.Equal(LaunchReason.ShareGrant, permit.Reason);
        Assert.True(permit.LicenceFeePerHour.IsFree);
    }

    [Fact]
    public void R33_the_platforms_own_os_is_supported_by_the_platform()
    {
        var permit = Launch(PublicImage(Guangzhou, os: TencentOs), Alice, Guangzhou).Value;

        Assert.Equal(SupportChannel.Platform, permit.Support);
        Assert.Equal(SupportChannel.Platform, permit.Image.Support);
    }

    [Fact]
    public void R33_third_party_os_images_are_supported_by_their_vendor_with_the_platform_assisting()
    {
        var debian = new ImageOperatingSystem(OsFamily.Linux, OsPlatform.Debian, "Debian 12");

        foreach (var os in new[] { Ubuntu, WindowsServer, debian })
        {
            var permit = Launch(PublicImage(HongKong, os: os), Alice, HongKong).Value;

            Assert.Equal(SupportChannel.VendorWithPlatformAssistance, permit.Support);
        }
    }

    [Fact]
    public void R33_support_follows_the_os_also_for_custom_and_shared_images()
    {
        var image = CustomImage(Alice, Guangzhou);

        Assert.Equal(SupportChannel.Platform, Launch(image, Bob, Guangzhou, Grant(image, Bob)).Value.Support);
        Assert.Equal(SupportChannel.VendorWithPlatformAssistance, Launch(image with { OperatingSystem = Ubuntu }, Alice, Guangzhou).Value.Support);
    }

    [Fact]
    public void R26_launching_a_shared_image_carries_the_untrusted_source_advisory()
    {
        var image = CustomImage(Alice, Guangzhou);

        var permit = Launch(image, Bob, Guangzhou, Grant(image, Bob)).Value;

        Assert.Equal(Advisories.UntrustedSource, permit.Advisories);
    }

    [Fact]
    public void R34_public_and_owned_images_carry_no_untrusted_source_advisory()
    {
        var publicPermit = Launch(PublicImage(Guangzhou), Bob, Guangzhou).Value;
        var ownerPermit = Launch(CustomImage(Alice, Guangzhou), Alice, Guangzhou).Value;

        Assert.Equal(Advisories.None, publicPermit.Advisories);
        Assert.Equal(Advisories.None, ownerPermit.Advisories);
    }
}
