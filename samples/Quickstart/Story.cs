using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Hosting;
using ImageRules.Policy;
using Microsoft.Extensions.DependencyInjection;

namespace ImageRules.Samples.Quickstart;

/// <summary>
/// The quickstart: one walk through the three kinds of image (public, custom, shared), from a public launch to deleting
/// a custom image, told chapter by chapter. Each chapter is a few calls of <see cref="ImageService"/>; every refusal is
/// shown with the provider's error code and the rule the step shows.
/// </summary>
public sealed class Story
{
    private static readonly RegionId Guangzhou = new("ap-guangzhou");
    private static readonly RegionId Shanghai = new("ap-shanghai");
    private static readonly RegionId Singapore = new("ap-singapore");

    private static readonly Account Alice = new(new AccountId("1038493875"), Guangzhou);
    private static readonly Account Bob = new(new AccountId("2000000001"), Guangzhou);
    private static readonly Account Carol = new(new AccountId("2000000002"), Guangzhou);

    private static readonly InstanceId AlicesServer = new("ins-2zvx0a1b");
    private static readonly ImageOperatingSystem TencentOs = new(OsFamily.Linux, OsPlatform.TencentOS, "TencentOS Server 3.1 (TK4)");

    private readonly ImageService images;
    private readonly Narrator tell;
    private readonly CancellationToken cancellationToken;

    private Story(ImageService images, Narrator tell, CancellationToken cancellationToken) =>
        (this.images, this.tell, this.cancellationToken) = (images, tell, cancellationToken);

    /// <summary>Tells the whole story to <paramref name="output"/>, in a fresh in-memory world.</summary>
    /// <exception cref="InvalidOperationException">The library decided differently from the story: the story is out of date.</exception>
    public static async Task RunAsync(TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);

        // The whole set-up a host needs: the library in a container, and a world of regions and public images.
        var registrations = new ServiceCollection();
        registrations.AddImageRules();
        await using var services = registrations.BuildServiceProvider();
        var images = services.GetRequiredService<ImageService>();
        await images.SeedAsync(ProviderCatalogue.Default, cancellationToken);
        foreach (var account in new[] { Alice, Bob, Carol })
        {
            await images.SaveAccountAsync(account, cancellationToken);
        }

        var story = new Story(images, new Narrator(output), cancellationToken);
        await story.TellAsync();
    }

    private async Task TellAsync()
    {
        tell.Title("ImageRules quickstart: the three kinds of image, as a story.");
        tell.Title($"Alice ({Alice.Id}), Bob ({Bob.Id}) and Carol ({Carol.Id}) are root accounts in {Guangzhou}.");

        await PublicImagesAsync();
        var image = await CustomImageAsync();
        await RegionLimitAsync();
        await CopyAsync(image);
        await ShareAsync(image);
        await LaunchAsRecipientAsync(image);
        await RecipientLimitsAsync(image);
        await CancelAndDeleteAsync(image);

        tell.Title(string.Empty);
        tell.Title("The end: public images are for everyone, a custom image is its owner's, and a shared image is one the owner lets you launch.");
    }

    private async Task PublicImagesAsync()
    {
        tell.Chapter("Public images: provided by the platform, visible to every account (R3, R31)");
        foreach (var region in new[] { Guangzhou, Singapore })
        {
            var windows = await FindWindowsServerAsync(region);
            tell.Allowed(
                await images.LaunchAsync(new LaunchImage(Alice.Id, region, windows.Id), cancellationToken),
                permit => $"Alice launches {windows.Name} ({windows.Id}) in {Describe(region)}: allowed ({Why(permit)}), {LicenceFee(permit)}");
        }
    }

    private async Task<Image> CustomImageAsync()
    {
        tell.Chapter("Custom images: made from your own instance (R10, R17, R30)");
        var created = tell.Allowed(
            await images.CreateImageAsync(ImageOfAlicesServer("web-server"), cancellationToken),
            c => $"Alice images her instance {AlicesServer}: {c.Image.Id} \"{c.Image.Name}\" is {c.Image.State}; its snapshot storage will cost {c.StorageQuotePerMonth} a month");
        var image = tell.Allowed(
            await images.CompleteImageAsync(created.Image.Id, succeeded: true, cancellationToken),
            c => $"the platform finishes it: {c.Image.Id} is {c.Image.State}").Image;
        tell.Allowed(
            await images.LaunchAsync(new LaunchImage(Alice.Id, Guangzhou, image.Id), cancellationToken),
            permit => $"Alice launches it: allowed ({Why(permit)}), {LicenceFee(permit)}");
        return image;
    }

    private async Task RegionLimitAsync()
    {
        tell.Chapter("The per-region limit: 10 custom images per account in each region (R11)");
        for (var draft = 2; draft <= 10; draft++)
        {
            // The nine drafts must fit, or the story is out of date.
            _ = Narrator.Expected(await images.CreateImageAsync(ImageOfAlicesServer($"draft-{draft}"), cancellationToken));
        }

        await TellQuotaAsync(Alice, Guangzhou, "after nine drafts");
        tell.Say("Alice tries an eleventh image:");
        tell.Refused(await images.CreateImageAsync(ImageOfAlicesServer("draft-11"), cancellationToken), "R11");
    }

    private async Task CopyAsync(Image image)
    {
        tell.Chapter("Copying to another region: free, and counted in the target region (R14, R15)");
        tell.Allowed(
            await images.CopyImageAsync(new CopyImage(Alice.Id, Guangzhou, image.Id, Shanghai), cancellationToken),
            c => $"Alice copies {image.Id} to {Describe(Shanghai)}: the copy {c.Copy.Id} is {c.Copy.State}, charge {c.Charge}");
        await TellQuotaAsync(Alice, Shanghai, "the copy counts there, not in ap-guangzhou");
        tell.Say($"Alice copies {image.Id} to {Describe(Singapore)}, across the mainland border:");
        tell.Refused(await images.CopyImageAsync(new CopyImage(Alice.Id, Guangzhou, image.Id, Singapore), cancellationToken), "R15");
    }

    private async Task ShareAsync(Image image)
    {
        tell.Chapter("Sharing with another account of the region (R20, R22)");
        tell.Allowed(
            await images.ShareImageAsync(new ShareImage(Alice.Id, Guangzhou, image.Id, [Bob.Id]), cancellationToken),
            shared => $"Alice shares {image.Id} with Bob: {shared.Grants.Length} grant, valid in {shared.Image.Region} only");
    }

    private async Task LaunchAsRecipientAsync(Image image)
    {
        tell.Chapter("Launching as the recipient: free, with a security advisory (R1, R26, R32)");
        tell.Say($"Bob lists the images of {Guangzhou} and sees {image.Id} as a {await KindForAsync(Bob, image)} image; Alice sees it as {await KindForAsync(Alice, image)}");
        var permit = tell.Allowed(
            await images.LaunchAsync(new LaunchImage(Bob.Id, Guangzhou, image.Id), cancellationToken),
            p => $"Bob launches it: allowed ({Why(p)}), {LicenceFee(p)}; Alice pays its storage");
        if (permit.Advisories.HasFlag(Advisories.UntrustedSource))
        {
            tell.Say("advisory: the platform does not check shared images; launch only images from accounts you trust");
        }
    }

    private async Task RecipientLimitsAsync(Image image)
    {
        tell.Chapter("What a recipient may not do: only launching is allowed (R25)");
        tell.Say("Bob shares Alice's image with Carol:");
        tell.Refused(await images.ShareImageAsync(new ShareImage(Bob.Id, Guangzhou, image.Id, [Carol.Id]), cancellationToken), "R25");
        tell.Say("Bob renames it \"bobs-server\":");
        tell.Refused(await images.ModifyImageAsync(new ModifyImage(Bob.Id, Guangzhou, image.Id, Name: "bobs-server"), cancellationToken), "R25");
    }

    private async Task CancelAndDeleteAsync(Image image)
    {
        tell.Chapter("Cancelling sharing, then deleting (R16, R24, R6)");
        tell.Say($"Alice deletes {image.Id} while it is shared:");
        tell.Refused(await images.DeleteImageAsync(new DeleteImage(Alice.Id, Guangzhou, image.Id), cancellationToken), "R16");
        tell.Allowed(
            await images.CancelSharingAsync(new CancelSharing(Alice.Id, Guangzhou, image.Id, [Bob.Id]), cancellationToken),
            c => $"Alice cancels sharing with Bob: {c.Grants.Length} grant removed");
        tell.Say("Bob launches it again:");
        tell.Refused(await images.LaunchAsync(new LaunchImage(Bob.Id, Guangzhou, image.Id), cancellationToken), "R6");
        tell.Allowed(
            await images.DeleteImageAsync(new DeleteImage(Alice.Id, Guangzhou, image.Id), cancellationToken),
            d => $"Alice deletes {d.ImageId}: deleted; instances already launched from it keep running");
        await TellQuotaAsync(Alice, Guangzhou, "deleting freed a slot");
    }

    /// <summary>Alice's instance runs TencentOS on x86_64 with a 50 GiB disk; the host, which owns instances, says so.</summary>
    private static CreateImage ImageOfAlicesServer(string name) =>
        new(Alice.Id, Guangzhou, AlicesServer, name, OperatingSystem: TencentOs, Architecture: Architecture.X86_64, SizeGiB: 50);

    private async Task<Image> FindWindowsServerAsync(RegionId region)
    {
        var filter = new ImageFilter { Platform = OsPlatform.Windows, Architecture = Architecture.X86_64 };
        var page = await images.DescribeImagesAsync(new DescribeImages(Alice.Id, region, filter), cancellationToken);
        return Narrator.Expected(page).Items[0].Image;
    }

    private async Task<ImageKind> KindForAsync(Account viewer, Image image)
    {
        var page = await images.DescribeImagesAsync(new DescribeImages(viewer.Id, image.Region, new ImageFilter { ImageIds = [image.Id] }), cancellationToken);
        return Narrator.Expected(page).Items.Single().Kind;
    }

    private async Task TellQuotaAsync(Account account, RegionId region, string remark) =>
        tell.Allowed(
            await images.DescribeQuotaAsync(new DescribeQuota(account.Id, region), cancellationToken),
            q => $"quota of {account.Id} in {region}: {q.Used} of {q.Limit} custom images used ({remark})");

    private static string Describe(RegionId id)
    {
        var region = ProviderCatalogue.Default.Regions.Single(r => r.Id == id);
        return $"{id} ({(region.IsChineseMainland ? "Chinese mainland" : "outside the mainland")})";
    }

    private static string Why(LaunchPermit permit) => permit.Reason switch
    {
        LaunchReason.PublicImage => "a public image",
        LaunchReason.Owner => "the owner",
        _ => $"shared by {permit.Grant!.Owner}",
    };

    private static string LicenceFee(LaunchPermit permit) =>
        permit.LicenceFeePerHour.IsFree ? "no licence fee" : $"licence fee {permit.LicenceFeePerHour} per hour";
}
