using ImageRules.Domain;

namespace ImageRules.Policy;

/// <summary>Create a custom image from one of the caller's instances, in the instance's region (R10–R12, R17). The host, which owns instances, states what the instance holds.</summary>
/// <remarks>Every request carries the caller, the region and (where there is one) the image id the same way; the service and the engine take it whole.</remarks>
/// <param name="Caller">The calling account.</param>
/// <param name="Region">The region the caller addresses, as the provider's regional API does.</param>
/// <param name="Instance">The instance to image; it lives in <see cref="Region"/>.</param>
/// <param name="Name">The name: 1–60 characters, unique among the caller's images in the region after NFC normalisation (R12, R36).</param>
/// <param name="Description">At most 256 characters (R12).</param>
/// <param name="OperatingSystem">The instance's operating system; TencentOS Server 3.1 when null.</param>
/// <param name="Architecture">The instance's architecture.</param>
/// <param name="SizeGiB">The system disk size in GiB, at least 1.</param>
/// <param name="DryRun">When true the request is decided in full and nothing is changed: success is <see cref="Failures.DryRunPassed"/> (R38).</param>
public sealed record CreateImage(
    AccountId Caller,
    RegionId Region,
    InstanceId Instance,
    string Name,
    string Description = "",
    ImageOperatingSystem? OperatingSystem = null,
    Architecture Architecture = Architecture.X86_64,
    int SizeGiB = 50,
    bool DryRun = false);
