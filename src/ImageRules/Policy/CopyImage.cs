using ImageRules.Domain;

namespace ImageRules.Policy;

/// <summary>Copy an image into another region, free of charge (R14, R15, R25).</summary>
/// <remarks>Every request carries the caller, the region and (where there is one) the image id the same way; the service and the engine take it whole.</remarks>
/// <param name="Caller">The calling account.</param>
/// <param name="Region">The region the caller addresses, as the provider's regional API does.</param>
/// <param name="ImageId">The image.</param>
/// <param name="TargetRegion">The region to copy into.</param>
/// <param name="Name">The copy's name; the source's when null.</param>
/// <param name="DryRun">When true the request is decided in full and nothing is changed: success is <see cref="Failures.DryRunPassed"/> (R38).</param>
public sealed record CopyImage(
    AccountId Caller,
    RegionId Region,
    ImageId ImageId,
    RegionId TargetRegion,
    string? Name = null,
    bool DryRun = false);
