using ImageRules.Domain;

namespace ImageRules.Policy;

/// <summary>Import an image file from object storage of the region (R18, R11, R12).</summary>
/// <remarks>Every request carries the caller, the region and (where there is one) the image id the same way; the service and the engine take it whole.</remarks>
/// <param name="Caller">The calling account.</param>
/// <param name="Region">The region the caller addresses, as the provider's regional API does.</param>
/// <param name="Url">The file's object-storage url, <c>https://&lt;bucket&gt;.cos.&lt;region&gt;.myqcloud.com/&lt;key&gt;</c>, a <c>.raw</c>, <c>.vhd</c>, <c>.qcow2</c>, <c>.vmdk</c> or (forced) <c>.iso</c> file.</param>
/// <param name="Name">The new image's name (R12, R36).</param>
/// <param name="OsType">CentOS, Ubuntu, Debian, CoreOS, openSUSE, SUSE or Windows.</param>
/// <param name="OsVersion">The version; for Windows 2008, 2012 or 2016.</param>
/// <param name="Architecture"><c>i386</c> or <c>x86_64</c>.</param>
/// <param name="FileSizeGiB">The file's size in GiB, at most 50.</param>
/// <param name="SystemDiskGiB">The system disk in GiB, at most 500.</param>
/// <param name="Force">True to import an ISO file.</param>
/// <param name="Description">At most 256 characters.</param>
/// <param name="DryRun">When true the request is decided in full and nothing is changed: success is <see cref="Failures.DryRunPassed"/> (R38).</param>
public sealed record ImportImage(
    AccountId Caller,
    RegionId Region,
    string Url,
    string Name,
    string OsType,
    string OsVersion,
    Architecture Architecture = Architecture.X86_64,
    int FileSizeGiB = 10,
    int SystemDiskGiB = 50,
    bool Force = false,
    string Description = "",
    bool DryRun = false);
