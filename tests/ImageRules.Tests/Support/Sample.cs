using ImageRules.Domain;
using ImageRules.Policy;

namespace ImageRules.Tests.Support;

/// <summary>Named sample values shared by the tests: regions, accounts, images and requests.</summary>
public static class Sample
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public static readonly Region Guangzhou = new(new("ap-guangzhou"), "South China (Guangzhou)", IsChineseMainland: true, ChargesWindowsLicenceFee: false);
    public static readonly Region Shanghai = new(new("ap-shanghai"), "East China (Shanghai)", IsChineseMainland: true, ChargesWindowsLicenceFee: false);
    public static readonly Region Singapore = new(new("ap-singapore"), "Southeast Asia (Singapore)", IsChineseMainland: false, ChargesWindowsLicenceFee: true);
    public static readonly Region HongKong = new(new("ap-hongkong"), "Hong Kong (China)", IsChineseMainland: false, ChargesWindowsLicenceFee: false);
    public static readonly Region Finance = new(new("ap-shanghai-fsi"), "East China (Shanghai Finance)", IsChineseMainland: true, ChargesWindowsLicenceFee: false, SupportsCopy: false, SupportsImport: false);

    public static readonly IReadOnlyList<Region> Regions = [Guangzhou, Shanghai, Singapore, HongKong, Finance];

    /// <summary>The owner in most tests: a root account of Guangzhou.</summary>
    public static readonly Account Alice = new(new("1038493875"), Guangzhou.Id);

    /// <summary>Another root account of Guangzhou: a valid share recipient for Alice.</summary>
    public static readonly Account Bob = new(new("2000000001"), Guangzhou.Id);

    /// <summary>A third root account of Guangzhou.</summary>
    public static readonly Account Carol = new(new("2000000002"), Guangzhou.Id);

    /// <summary>A collaborator (sub-)account: never a share recipient (R23).</summary>
    public static readonly Account Helper = new(new("3000000001"), Guangzhou.Id, AccountKind.Collaborator);

    /// <summary>A root account of Singapore: outside Alice's region (R22).</summary>
    public static readonly Account Sam = new(new("4000000001"), Singapore.Id);

    public static readonly IReadOnlyList<Account> Accounts = [Alice, Bob, Carol, Helper, Sam];

    public static readonly ImageOperatingSystem TencentOs = new(OsFamily.Linux, OsPlatform.TencentOS, "TencentOS Server 3.1 (TK4)");
    public static readonly ImageOperatingSystem Ubuntu = new(OsFamily.Linux, OsPlatform.Ubuntu, "Ubuntu Server 22.04 LTS 64-bit");
    public static readonly ImageOperatingSystem WindowsServer = new(OsFamily.Windows, OsPlatform.Windows, "Windows Server 2022 Datacenter 64-bit");

    public static readonly InstanceId Instance = new("ins-2zvx0a1b");

    /// <summary>A public image in <paramref name="region"/>.</summary>
    public static Image PublicImage(Region region, string id = "img-pub00001", ImageOperatingSystem? os = null, ImageState state = ImageState.Normal) => new()
    {
        Id = new(id),
        Region = region.Id,
        Name = (os ?? Ubuntu).Name,
        OperatingSystem = os ?? Ubuntu,
        Architecture = Architecture.X86_64,
        SizeGiB = 20,
        State = state,
        Source = ImageSource.Official,
        CreatedAt = Now.AddYears(-1),
    };

    /// <summary>A custom image of <paramref name="owner"/> in <paramref name="region"/>.</summary>
    public static Image CustomImage(Account owner, Region region, string id = "img-cust0001", string name = "web-server", ImageState state = ImageState.Normal) => new()
    {
        Id = new(id),
        Owner = owner.Id,
        Region = region.Id,
        Name = name,
        OperatingSystem = TencentOs,
        Architecture = Architecture.X86_64,
        SizeGiB = 50,
        State = state,
        Source = ImageSource.Instance,
        SourceInstance = Instance,
        CreatedAt = Now.AddDays(-1),
    };

    /// <summary><paramref name="count"/> custom images of <paramref name="owner"/> in <paramref name="region"/>, named image-1…image-n.</summary>
    public static IReadOnlyList<Image> CustomImages(Account owner, Region region, int count) =>
        [.. Enumerable.Range(1, count).Select(i => CustomImage(owner, region, $"img-c{i:D7}", $"image-{i}"))];

    /// <summary>A grant of <paramref name="image"/> to <paramref name="recipient"/>.</summary>
    public static ShareGrant Grant(Image image, Account recipient) =>
        new(image.Id, image.Owner!.Value, recipient.Id, image.Region, Now);

    /// <summary>A request of <paramref name="caller"/> to create an image from its instance in <paramref name="region"/>.</summary>
    public static CreateImage Create(Account caller, Region region, string name = "web-server") =>
        new(caller.Id, region.Id, Instance, name, OperatingSystem: TencentOs, Architecture: Architecture.X86_64, SizeGiB: 50);

    /// <summary>A request of <paramref name="caller"/> to import a valid QCOW2 file into <paramref name="region"/>.</summary>
    public static ImportImage Import(Account caller, Region region, string name = "imported", string osType = "CentOS", string osVersion = "7.9") =>
        new(caller.Id, region.Id, $"https://images-1250000000.cos.{region.Id}.myqcloud.com/centos.qcow2", name, osType, osVersion, Architecture.X86_64, FileSizeGiB: 10, SystemDiskGiB: 50);
}
