using ImageRules.Domain;

namespace ImageRules.Policy.Requests;

/// <summary>
/// A request to create a custom image from one of the caller's instances, in the instance's region (R10). The host,
/// which owns instances, states what the instance holds.
/// </summary>
/// <param name="Instance">The instance to image.</param>
/// <param name="Region">The instance's region, where the image will live.</param>
/// <param name="Name">The new image's name, 1–60 characters, unique among the caller's images in the region (R12).</param>
/// <param name="OperatingSystem">The instance's operating system.</param>
/// <param name="Architecture">The instance's architecture.</param>
/// <param name="SizeGiB">The instance's system disk size in GiB.</param>
/// <param name="Description">An optional description, at most 256 characters (R12).</param>
public sealed record CreateImageRequest(
    InstanceId Instance,
    RegionId Region,
    string Name,
    ImageOperatingSystem OperatingSystem,
    Architecture Architecture,
    int SizeGiB,
    string Description = "");
