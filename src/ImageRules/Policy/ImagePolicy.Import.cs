using Ardalis.GuardClauses;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy.Failures;
using ImageRules.Policy.Requests;

namespace ImageRules.Policy;

public sealed partial class ImagePolicy
{
    private static readonly string[] ImportableLinux =
        [OsPlatform.CentOS, OsPlatform.Ubuntu, OsPlatform.Debian, OsPlatform.CoreOS, OsPlatform.OpenSuse, OsPlatform.Suse];

    private static readonly string[] ImportableWindowsReleases = ["2008", "2012", "2016"];

    private static readonly string[] ImportFormats = [".raw", ".vhd", ".qcow2", ".vmdk"];

    /// <summary>
    /// May <paramref name="caller"/> import an image file into <paramref name="region"/> (R18)? The region must
    /// support import; the file must be RAW, VHD, QCOW2 or VMDK (ISO only with force) of at most 50 GiB, stored in
    /// object storage of the same region; the system disk at most 500 GiB; the OS one of CentOS, Ubuntu, Debian,
    /// CoreOS, openSUSE, SUSE or Windows Server 2008/2012/2016; the architecture <c>i386</c> or <c>x86_64</c>; then the
    /// name (R12) and quota (R11) rules of any new image. An imported Windows image carries
    /// <see cref="Advisories.NoWindowsActivation"/>.
    /// </summary>
    public Result<ImageImported> Import(ImportImageRequest request, AccountId caller, Region region, IReadOnlyCollection<Image> callerImagesInRegion, NewImage newImage)
    {
        Guard.Against.Null(request);
        Guard.Against.Null(region);
        Guard.Against.Null(callerImagesInRegion);
        if (region.Id != request.Region)
        {
            return new RegionNotFound(request.Region.Value);
        }

        if (!region.SupportsImport)
        {
            return new RegionUnavailable(region.Id, "it does not support image import");
        }

        var refused = CheckImportFile(request);
        ImageOperatingSystem? system = null;
        refused ??= CheckImportSystem(request, out system)
            ?? CheckNewImage(caller, region, request.Region, request.Name, request.Description, callerImagesInRegion);
        if (refused is not null)
        {
            return refused;
        }

        var image = Draft(caller, region, newImage, request.Name, request.Description, system!, request.Architecture, request.SystemDiskGiB, ImageSource.Imported);
        var advisories = system!.Family == OsFamily.Windows ? Advisories.NoWindowsActivation : Advisories.None;
        return new ImageImported(image, Options.PriceList.QuoteImageCreation(region, request.SystemDiskGiB), advisories);
    }

    private static Failure? CheckImportFile(ImportImageRequest request)
    {
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return new InvalidImportUrl(request.Url, "it is not an absolute http or https url");
        }

        if (ObjectStorageRegion(url) != request.Region.Value)
        {
            return new InvalidImportUrl(request.Url, $"it is not stored in object storage of region `{request.Region}`");
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
            return new ImportFormatUnsupported(request.Url);
        }

        return request switch
        {
            { FileSizeGiB: < 1 } => new DiskSizeInvalid("image file", request.FileSizeGiB),
            { FileSizeGiB: > ImportImageRequest.MaxFileSizeGiB } => new ImportFileTooLarge(request.FileSizeGiB),
            { SystemDiskGiB: < 1 } => new DiskSizeInvalid("system disk", request.SystemDiskGiB),
            { SystemDiskGiB: > ImportImageRequest.MaxSystemDiskGiB } => new SystemDiskTooLarge(request.SystemDiskGiB),
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

    private static Failure? CheckImportSystem(ImportImageRequest request, out ImageOperatingSystem? system)
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
                return new UnsupportedOsVersion(OsPlatform.Windows, request.OsVersion);
            }

            system = new ImageOperatingSystem(OsFamily.Windows, OsPlatform.Windows, $"Windows Server {release}");
        }
        else
        {
            var platform = Array.Find(ImportableLinux, p => string.Equals(p, osType, StringComparison.OrdinalIgnoreCase));
            if (platform is null)
            {
                return new UnsupportedOsType(request.OsType);
            }

            if (string.IsNullOrWhiteSpace(version) || HasControlOrBrokenText(version) || version.Length > Image.MaxNameLength)
            {
                return new UnsupportedOsVersion(platform, request.OsVersion);
            }

            system = new ImageOperatingSystem(OsFamily.Linux, platform, $"{platform} {version}");
        }

        return request.Architecture is Architecture.I386 or Architecture.X86_64
            ? null
            : new ImportArchitectureUnsupported(request.Architecture);
    }
}
