using System.Collections.Immutable;
using ImageRules.Domain;

namespace ImageRules.Tests.Properties;

/// <summary>
/// A valid starting state for a script: regions, accounts with their home regions, public and custom images in any
/// state, and grants. Valid means reachable by the rules: names unique per owner and region, quotas respected,
/// grants only for <c>Normal</c> custom images, to root accounts of the owner's home region other than the owner.
/// </summary>
/// <param name="Regions">The regions; the first is the home of <see cref="Accounts"/>' first account.</param>
/// <param name="Accounts">The accounts; the first, a root account, is the main actor of generated scripts.</param>
/// <param name="Images">Public images first, then custom images.</param>
/// <param name="Grants">The share grants.</param>
public sealed record World(ImmutableArray<Region> Regions, ImmutableArray<Account> Accounts, ImmutableArray<Image> Images, ImmutableArray<ShareGrant> Grants)
{
    /// <summary>A well-formed account id that no world registers.</summary>
    public static AccountId UnknownAccount { get; } = new("9000000009");

    /// <summary>A well-formed region id that no world registers.</summary>
    public static RegionId UnknownRegion { get; } = new("eu-nowhere");

    /// <summary>The home region of <paramref name="account"/>, or the first region for an unknown account.</summary>
    public RegionId HomeOf(AccountId account) =>
        Accounts.FirstOrDefault(a => a.Id == account)?.HomeRegion ?? Regions[0].Id;

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join(Environment.NewLine, [
            "regions: " + string.Join("; ", Regions.Select(Describe)),
            "accounts: " + string.Join("; ", Accounts.Select(a => $"{a.Id} {a.Kind} of {a.HomeRegion}")),
            "images: " + string.Join("; ", Images.Select(Describe)),
            "grants: " + string.Join("; ", Grants.Select(g => $"{g.ImageId} to {g.Recipient}")),
        ]);

    private static string Describe(Region region) =>
        $"{region.Id} ({(region.IsChineseMainland ? "mainland" : "not mainland")}"
        + (region.ChargesWindowsLicenceFee ? ", licence fee" : string.Empty)
        + (region.SupportsCopy ? string.Empty : ", no copy")
        + (region.SupportsImport ? string.Empty : ", no import") + ")";

    private static string Describe(Image image) =>
        $"{image.Id} {(image.Owner is { } owner ? "of " + owner : "public")} in {image.Region} {image.State} {Readable.Text(image.Name)}";
}
