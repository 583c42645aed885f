using System.Diagnostics;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;

namespace ImageRules.Samples.ImageShell;

public sealed partial class Shell
{
    // The shell has no instances of its own: `create` images this demo instance unless told another.
    private static readonly InstanceId DemoInstance = new("ins-2zvx0a1b");
    private static readonly ImageOperatingSystem DemoSystem = new(OsFamily.Linux, OsPlatform.TencentOS, "TencentOS Server 3.1 (TK4)");
    private const int DemoSizeGiB = 50;

    /// <summary>Runs a parsed command; true when it was allowed.</summary>
    private async Task<bool> ExecuteAsync(ShellCommand command, CancellationToken ct) => command switch
    {
        ShellCommand.Blank or ShellCommand.Quit => true,
        ShellCommand.Help => Help(),
        ShellCommand.WhoAmI => WhoAmI(),
        ShellCommand.ListAccounts => ListAccounts(),
        ShellCommand.ListRegions => ListRegions(),
        ShellCommand.UseAccount c => UseAccount(c.Account),
        ShellCommand.UseRegion c => UseRegion(c.Region),
        ShellCommand.AddAccount c => await AddAccountAsync(new Account(c.Account, c.HomeRegion, c.Kind), ct),
        ShellCommand.ListImages c => await ListImagesAsync(c, ct),
        ShellCommand.Quota c => Report(
            await images.DescribeQuotaAsync(new DescribeQuota(current.Id, c.Region ?? region), ct),
            q => $"{q.Used} of {q.Limit} custom images used in {q.Region}, {q.Remaining} left"),
        ShellCommand.Create c => Report(
            await images.CreateImageAsync(new CreateImage(current.Id, c.Region ?? region, c.Instance ?? DemoInstance, c.Name, OperatingSystem: DemoSystem, SizeGiB: DemoSizeGiB), ct),
            x => $"created {x.Image.Id} \"{x.Image.Name}\" in {x.Image.Region}: {x.Image.State}, snapshot storage {x.StorageQuotePerMonth} a month; `complete {x.Image.Id}` finishes it"),
        ShellCommand.Complete c => Report(
            await images.CompleteImageAsync(c.Image, c.Succeeded, ct),
            x => $"{x.Image.Id} is {x.Image.State}"),
        ShellCommand.Copy c => Report(
            await images.CopyImageAsync(new CopyImage(current.Id, c.Region ?? region, c.Image, c.Target), ct),
            x => $"copied {x.Source.Id} to {x.Copy.Region} as {x.Copy.Id}: {x.Copy.State}, charge {x.Charge}; `complete {x.Copy.Id}` finishes it"),
        ShellCommand.Rename c => Report(
            await images.ModifyImageAsync(new ModifyImage(current.Id, c.Region ?? region, c.Image, Name: c.Name), ct),
            x => $"renamed {x.Image.Id} from \"{x.Before.Name}\" to \"{x.Image.Name}\""),
        ShellCommand.Share c => Report(
            await images.ShareImageAsync(new ShareImage(current.Id, c.Region ?? region, c.Image, c.Accounts), ct),
            x => $"shared {x.Image.Id} with {string.Join(", ", x.Grants.Select(g => g.Recipient))}, in {x.Image.Region} only"),
        ShellCommand.Unshare { All: true } c => Report(
            await images.CancelAllSharingAsync(new CancelAllSharing(current.Id, c.Region ?? region, c.Image), ct),
            x => $"cancelled sharing of {x.Image.Id}: {x.Grants.Length} grant(s) removed"),
        ShellCommand.Unshare c => Report(
            await images.CancelSharingAsync(new CancelSharing(current.Id, c.Region ?? region, c.Image, c.Accounts), ct),
            x => $"cancelled sharing of {x.Image.Id} with {string.Join(", ", x.Grants.Select(g => g.Recipient))}"),
        ShellCommand.Delete c => Report(
            await images.DeleteImageAsync(new DeleteImage(current.Id, c.Region ?? region, c.Image), ct),
            x => $"deleted {x.ImageId}"),
        ShellCommand.Launch c => Report(await images.LaunchAsync(new LaunchImage(current.Id, c.Region ?? region, c.Image), ct), Terms),
        _ => throw new UnreachableException($"no case for {command}"),
    };

    private bool Help()
    {
        foreach (var (syntax, summary) in CommandParser.Commands)
        {
            output.WriteLine($"  {syntax,-64} {summary}");
        }

        output.WriteLine("Images are img- and 8 letters or digits, accounts are digits, regions look like ap-guangzhou.");
        output.WriteLine("Commands act as the current account in the current region; --region addresses another one.");
        return true;
    }

    private bool WhoAmI()
    {
        output.WriteLine($"{current.Id}: {current.Kind.ToString().ToLowerInvariant()} account of {current.HomeRegion}, addressing {region}");
        return true;
    }

    private bool ListAccounts()
    {
        foreach (var account in accounts)
        {
            var marker = account.Id == current.Id ? "*" : " ";
            output.WriteLine($"{marker} {account.Id,-20} {account.Kind,-12} {account.HomeRegion}");
        }

        return true;
    }

    private bool ListRegions()
    {
        foreach (var r in regions)
        {
            var traits = new[]
            {
                r.IsChineseMainland ? "chinese mainland" : "outside the mainland",
                r.WindowsLicenceFeeApplies ? "windows licence fee" : null,
                r.SupportsCopy ? null : "no copy",
                r.SupportsImport ? null : "no import",
            };
            output.WriteLine($"  {r.Id,-18} {r.DisplayName,-30} {string.Join(", ", traits.OfType<string>())}");
        }

        return true;
    }

    private bool UseAccount(AccountId id)
    {
        if (accounts.Find(a => a.Id == id) is not { } account)
        {
            return Refuse(new AccountNotFound(id.Value));
        }

        (current, region) = (account, account.HomeRegion);
        return WhoAmI();
    }

    private bool UseRegion(RegionId id)
    {
        if (!regions.Any(r => r.Id == id))
        {
            return Refuse(new RegionNotFound(id.Value));
        }

        region = id;
        return WhoAmI();
    }

    private async Task<bool> AddAccountAsync(Account account, CancellationToken ct)
    {
        if (!regions.Any(r => r.Id == account.HomeRegion))
        {
            return Refuse(new RegionNotFound(account.HomeRegion.Value));
        }

        await images.SaveAccountAsync(account, ct);
        accounts.RemoveAll(a => a.Id == account.Id);
        accounts.Add(account);
        output.WriteLine($"added {account.Kind.ToString().ToLowerInvariant()} account {account.Id} of {account.HomeRegion}");
        return true;
    }

    /// <summary>Every page of the listing (R2 caps a page at 100).</summary>
    private async Task<bool> ListImagesAsync(ShellCommand.ListImages command, CancellationToken ct)
    {
        var where = command.Region ?? region;
        var filter = new ImageFilter { Kind = command.Kind, NameContains = command.NameContains };
        for (var offset = 0; ;)
        {
            var page = await images.DescribeImagesAsync(new DescribeImages(current.Id, where, filter, offset, PageRequest.MaxLimit), ct);
            if (!page.TryGetValue(out var found, out var failure))
            {
                return Refuse(failure);
            }

            foreach (var (image, kind) in found.Items)
            {
                var owner = kind == ImageKind.Shared ? $" (shared by {image.Owner})" : string.Empty;
                output.WriteLine($"  {image.Id}  {kind,-6}  {image.State,-12}  {image.Architecture.ToProviderName(),-6}  {image.Name}{owner}");
            }

            offset += found.Items.Length;
            if (found.Items.IsEmpty || offset >= found.TotalCount)
            {
                output.WriteLine($"{found.TotalCount} image(s) in {where}");
                return true;
            }
        }
    }

    private string Terms(LaunchPermit permit)
    {
        var why = permit.Reason switch
        {
            LaunchReason.PublicImage => "a public image",
            LaunchReason.Owner => "you own it",
            _ => $"shared with you by {permit.Grant!.Owner}",
        };
        var fee = permit.LicenceFeePerHour.IsFree ? "no licence fee" : $"licence fee {permit.LicenceFeePerHour} per hour";
        var support = permit.Support == SupportChannel.Platform ? "the platform" : "the OS vendor, with the platform assisting";
        var advisory = permit.Advisories.HasFlag(Advisories.UntrustedSource)
            ? $"{output.NewLine}advisory: the platform does not check shared images; launch only images from accounts you trust"
            : string.Empty;
        return $"allowed: {why}; {fee}; support by {support}{advisory}";
    }
}
