using ImageRules.Domain;

namespace ImageRules.Policy.Requests;

/// <summary>A request to import an image file from object storage in the target region (R18).</summary>
/// <param name="Region">The region to import into; the file must be stored in this region.</param>
/// <param name="Url">The file's object-storage URL, <c>https://&lt;bucket&gt;.cos.&lt;region&gt;.myqcloud.com/&lt;key&gt;</c>, ending in <c>.raw</c>, <c>.vhd</c>, <c>.qcow2</c>, <c>.vmdk</c> or <c>.iso</c>.</param>
/// <param name="Name">The new image's name (R12).</param>
/// <param name="OsType">CentOS, Ubuntu, Debian, CoreOS, openSUSE, SUSE or Windows.</param>
/// <param name="OsVersion">The version; for Windows one of 2008, 2012, 2016 (with or without a "Windows Server" prefix or an edition suffix).</param>
/// <param name="Architecture"><c>i386</c> or <c>x86_64</c>.</param>
/// <param name="FileSizeGiB">The file's size in GiB, at most 50.</param>
/// <param name="SystemDiskGiB">The system disk's size in GiB, at most 500.</param>
/// <param name="Force">True to import an ISO file, which is refused otherwise.</param>
/// <param name="Description">An optional description, at most 256 characters.</param>
public sealed record ImportImageRequest(
    RegionId Region,
    string Url,
    string Name,
    string OsType,
    string OsVersion,
    Architecture Architecture,
    int FileSizeGiB,
    int SystemDiskGiB,
    bool Force = false,
    string Description = "")
{
    /// <summary>The largest image file, in GiB (R18).</summary>
    public const int MaxFileSizeGiB = 50;

    /// <summary>The largest system disk, in GiB (R18).</summary>
    public const int MaxSystemDiskGiB = 500;
}
