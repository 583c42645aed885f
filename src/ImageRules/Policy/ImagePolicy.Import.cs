using System.Globalization;
using Ardalis.GuardClauses;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy.Failures;

namespace ImageRules.Policy;

public sealed partial class ImagePolicy
{
    private static readonly string[] ImportableLinux =
        [OsPlatform.CentOS, OsPlatform.Ubuntu, OsPlatform.Debian, OsPlatform.CoreOS, OsPlatform.OpenSuse, OsPlatform.Suse];

    private static readonly string[] ImportableWindowsReleases = ["2008", "2012", "2016"];

    private static readonly string[] ImportFormats = [".raw", ".vhd", ".qcow2", ".vmdk"];

    /// <summary>The largest image file that can be imported, in GiB (R18).</summary>
    public const int MaxImportFileGiB = 50;

    /// <summary>The largest system disk of an imported image, in GiB (R18).</summary>
    public const int MaxImportSystemDiskGiB = 500;

    /// <summary>
    /// May the caller import an image file into the region (R18)? The region must support import; the file must be
    /// RAW, VHD, QCOW2 or VMDK (ISO only with force) of at most 50 GiB, stored in object storage of the same region;
    /// the system disk at most 500 GiB; the OS one of CentOS, Ubuntu, Debian, CoreOS, openSUSE, SUSE or Windows Server
    /// 2008/2012/2016; the architecture <c>i386</c> or <c>x86_64</c>; then the name (R12, R36) and quota (R11) rules of
    /// any new image. An imported Windows image carries <see cref="Advisories.NoWindowsActivation"/>.
    /// </summary>
    /// <param name="request">What to import.</param>
    /// <param name="facts">The caller, the region, the caller's catalogue there, the time and the new id.</param>
    public Result<ImageImported> Decide(ImportImage request, ImageFacts facts)
    {
        Guard.Against.Null(request);
        Guard.Against.Null(facts);
        if (Place(request.Caller, request.Region, facts) is { } missing)
        {
            return missing;
        }

        if (!facts.Region!.SupportsImport)
        {
            return new RegionUnavailable(request.Region, ImageOperation.Import, isImageRegion: false);
        }

        ImageOperatingSystem? system = null;
        var name = string.Empty;
        var description = string.Empty;
        var refused = CheckImportFile(request)
            ?? CheckImportSystem(request, out system)
            ?? CheckNewImage(request.Caller, request.Region, request.Name, request.Description, facts, out name, out description);
        if (refused is not null)
        {
            return refused;
        }

        var image = Draft(request.Caller, facts, name, description, system!, request.Architecture, request.SystemDiskGiB, instance: null);
        var advisories = system!.Family == OsFamily.Windows ? Advisories.NoWindowsActivation : Advisories.None;
        return new ImageImported(image, PriceList.QuoteImageCreation(facts.Region, request.SystemDiskGiB), advisories);
    }

    private static Failure? CheckImportFile(ImportImage request)
    {
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return new ImportUrlInvalid(request.Url, ValueProblem.NotAUrl);
        }

        if (ObjectStorageRegion(url) != request.Region.Value)
        {
            return new ImportUrlInvalid(request.Url, ValueProblem.NotInRegion);
        }

        var path = url.AbsolutePath;
        if (path.EndsWith(".iso", StringComparison.OrdinalIgnoreCase))
        {
            if (!request.Force)
            {
                return new IsoMustImportByForce(request.Url);
            }
        }
        else if (!Array.Exists(ImportFormats, f => path.EndsWith(f, StringComparison.OrdinalIgnoreCase)))
        {
            return new ImportUrlInvalid(request.Url, ValueProblem.Unsupported);
        }

        return request switch
        {
            { FileSizeGiB: < 1 } => new ParameterInvalid("FileSize", request.FileSizeGiB.ToString(CultureInfo.InvariantCulture), ValueProblem.BelowMinimum),
            { FileSizeGiB: > MaxImportFileGiB } => new ParameterTooLarge("FileSize", request.FileSizeGiB, MaxImportFileGiB),
            { SystemDiskGiB: < 1 } => new ParameterInvalid("SystemDiskSize", request.SystemDiskGiB.ToString(CultureInfo.InvariantCulture), ValueProblem.BelowMinimum),
            { SystemDiskGiB: > MaxImportSystemDiskGiB } => new ParameterTooLarge("SystemDiskSize", request.SystemDiskGiB, MaxImportSystemDiskGiB),
            _ => null,
        };
    }

    /// <summary>The region of an object-storage host <c>&lt;bucket&gt;.cos.&lt;region&gt;.myqcloud.com</c>, or null.</summary>
    private static string? ObjectStorageRegion(Uri url)
    {
        var labels = url.Host.Split('.');
        var cos = Array.IndexOf(labels, "cos");
        return cos > 0 && cos + 1 < labels.Length - 1 ? labels[cos + 1] : null;
    }

    private static Failure? CheckImportSystem(ImportImage request, out ImageOperatingSystem? system)
    {
        system = null;
        var osType = request.OsType?.Trim();
        var version = request.OsVersion?.Trim();
        if (string.Equals(osType, OsPlatform.Windows, StringComparison.OrdinalIgnoreCase))
        {
            var words = version?.Split([' ', '-', '_', '.'], StringSplitOptions.RemoveEmptyEntries) ?? [];
            var release = Array.Find(ImportableWindowsReleases, r => words.Contains(r, StringComparer.Ordinal));
            if (release is null)
            {
                return new OsVersionUnsupported(OsPlatform.Windows, request.OsVersion);
            }

            system = new ImageOperatingSystem(OsFamily.Windows, OsPlatform.Windows, $"Windows Server {release}");
        }
        else
        {
            var platform = Array.Find(ImportableLinux, p => string.Equals(p, osType, StringComparison.OrdinalIgnoreCase));
            if (platform is null)
            {
                return new OsTypeUnsupported(request.OsType);
            }

            if (string.IsNullOrWhiteSpace(version) || Scan(version, allowLineBreaks: false) is not null || version.Length > Image.MaxNameLength)
            {
                return new OsVersionUnsupported(platform, request.OsVersion);
            }

            system = new ImageOperatingSystem(OsFamily.Linux, platform, $"{platform} {version}");
        }

        return request.Architecture is Architecture.I386 or Architecture.X86_64
            ? null
            : new ParameterInvalid("Architecture", request.Architecture.ToProviderName(), ValueProblem.Unsupported);
    }
}
