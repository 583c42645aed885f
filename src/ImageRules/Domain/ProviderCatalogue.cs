using System.Collections.Immutable;
using ImageRules.Domain;

namespace ImageRules.Domain;

/// <summary>
/// A world to start from: regions and public images, loaded with <c>ImageService.SeedAsync</c>.
/// </summary>
/// <remarks>
/// <see cref="Default"/> holds the provider's regions (mainland and not) and, in each, public images of TencentOS,
/// CentOS, Ubuntu, Debian and Windows Server in 32- and 64-bit builds. Licence-fee and copy/import flags are
/// illustrative: a deployment supplies its own catalogue. Public image ids are stable across runs (derived from the
/// region and the image), so samples and tests may name them.
/// </remarks>
/// <param name="Regions">The regions.</param>
/// <param name="PublicImages">The public images, each in one of <paramref name="Regions"/>.</param>
public sealed record ProviderCatalogue(ImmutableArray<Region> Regions, ImmutableArray<Image> PublicImages)
{
    /// <summary>Value equality, comparing <see cref="Regions"/> and <see cref="PublicImages"/> item by item.</summary>
    public bool Equals(ProviderCatalogue? other) =>
        other is not null && ValueEquality.Items(Regions, other.Regions) && ValueEquality.Items(PublicImages, other.PublicImages);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ValueEquality.Hash(Regions), ValueEquality.Hash(PublicImages));

    private static readonly DateTimeOffset PublishedAt = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly ImmutableArray<(string Key, ImageOperatingSystem System, Architecture Architecture, int SizeGiB)> Templates =
    [
        ("tencentos-3.1", new(OsFamily.Linux, OsPlatform.TencentOS, "TencentOS Server 3.1 (TK4)"), Architecture.X86_64, 20),
        ("tencentos-3.1-arm", new(OsFamily.Linux, OsPlatform.TencentOS, "TencentOS Server 3.1 (TK4) for ARM64"), Architecture.Arm64, 20),
        ("centos-7.9", new(OsFamily.Linux, OsPlatform.CentOS, "CentOS 7.9 64-bit"), Architecture.X86_64, 20),
        ("centos-6.10-32", new(OsFamily.Linux, OsPlatform.CentOS, "CentOS 6.10 32-bit"), Architecture.I386, 20),
        ("ubuntu-22.04", new(OsFamily.Linux, OsPlatform.Ubuntu, "Ubuntu Server 22.04 LTS 64-bit"), Architecture.X86_64, 20),
        ("ubuntu-16.04-32", new(OsFamily.Linux, OsPlatform.Ubuntu, "Ubuntu Server 16.04.1 LTS 32-bit"), Architecture.I386, 20),
        ("debian-12", new(OsFamily.Linux, OsPlatform.Debian, "Debian 12.0 64-bit"), Architecture.X86_64, 20),
        ("windows-2022", new(OsFamily.Windows, OsPlatform.Windows, "Windows Server 2022 Datacenter 64-bit"), Architecture.X86_64, 50),
        ("windows-2008-32", new(OsFamily.Windows, OsPlatform.Windows, "Windows Server 2008 Enterprise SP2 32-bit"), Architecture.I386, 50),
    ];

    /// <summary>The provider's regions, each with the built-in public images.</summary>
    public static ProviderCatalogue Default { get; } = WithPublicImages(
    [
        new(new("ap-guangzhou"), "South China (Guangzhou)", IsChineseMainland: true, ChargesWindowsLicenceFee: false),
        new(new("ap-shanghai"), "East China (Shanghai)", IsChineseMainland: true, ChargesWindowsLicenceFee: false),
        new(new("ap-nanjing"), "East China (Nanjing)", IsChineseMainland: true, ChargesWindowsLicenceFee: false),
        new(new("ap-beijing"), "North China (Beijing)", IsChineseMainland: true, ChargesWindowsLicenceFee: false),
        new(new("ap-chengdu"), "Southwest China (Chengdu)", IsChineseMainland: true, ChargesWindowsLicenceFee: false),
        new(new("ap-chongqing"), "Southwest China (Chongqing)", IsChineseMainland: true, ChargesWindowsLicenceFee: false),
        new(new("ap-shanghai-fsi"), "East China (Shanghai Finance)", IsChineseMainland: true, ChargesWindowsLicenceFee: false, SupportsCopy: false, SupportsImport: false),
        new(new("ap-hongkong"), "Hong Kong (China)", IsChineseMainland: false, ChargesWindowsLicenceFee: false),
        new(new("ap-singapore"), "Southeast Asia (Singapore)", IsChineseMainland: false, ChargesWindowsLicenceFee: true),
        new(new("ap-jakarta"), "Southeast Asia (Jakarta)", IsChineseMainland: false, ChargesWindowsLicenceFee: true),
        new(new("ap-bangkok"), "Southeast Asia (Bangkok)", IsChineseMainland: false, ChargesWindowsLicenceFee: true),
        new(new("ap-seoul"), "Northeast Asia (Seoul)", IsChineseMainland: false, ChargesWindowsLicenceFee: true),
        new(new("ap-tokyo"), "Northeast Asia (Tokyo)", IsChineseMainland: false, ChargesWindowsLicenceFee: true),
        new(new("na-siliconvalley"), "US West (Silicon Valley)", IsChineseMainland: false, ChargesWindowsLicenceFee: true),
        new(new("na-ashburn"), "US East (Virginia)", IsChineseMainland: false, ChargesWindowsLicenceFee: true),
        new(new("eu-frankfurt"), "Europe (Frankfurt)", IsChineseMainland: false, ChargesWindowsLicenceFee: true),
        new(new("sa-saopaulo"), "South America (São Paulo)", IsChineseMainland: false, ChargesWindowsLicenceFee: true, SupportsImport: false),
    ]);

    /// <summary>A catalogue of <paramref name="regions"/>, each holding the built-in public images.</summary>
    public static ProviderCatalogue WithPublicImages(ImmutableArray<Region> regions)
    {
        var images = ImmutableArray.CreateBuilder<Image>(regions.Length * Templates.Length);
        foreach (var region in regions)
        {
            foreach (var (key, system, architecture, size) in Templates)
            {
                images.Add(new Image
                {
                    Id = PublicImageId(region.Id, key),
                    Region = region.Id,
                    Name = system.Name,
                    Description = $"{system.Name}, provided by the platform",
                    OperatingSystem = system,
                    Architecture = architecture,
                    SizeGiB = size,
                    State = ImageState.Normal,
                    Source = ImageSource.Official,
                    CreatedAt = PublishedAt,
                });
            }
        }

        return new ProviderCatalogue(regions, images.MoveToImmutable());
    }

    /// <summary>A stable id for a built-in image in a region: FNV-1a of both, in base 36.</summary>
    private static ImageId PublicImageId(RegionId region, string key)
    {
        const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        var hash = 14695981039346656037UL;
        foreach (var c in $"{region}/{key}")
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        Span<char> suffix = stackalloc char[8];
        for (var i = 0; i < suffix.Length; i++)
        {
            suffix[i] = Alphabet[(int)(hash % 36)];
            hash /= 36;
        }

        return new ImageId("img-" + new string(suffix));
    }
}
