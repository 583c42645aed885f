using ImageRules.Domain;

namespace ImageRules.Policy;

/// <summary>Cancel every grant of a custom image, the step before deleting it (R16, R24).</summary>
/// <remarks>Every request carries the caller, the region and (where there is one) the image id the same way; the service and the engine take it whole.</remarks>
/// <param name="Caller">The calling account.</param>
/// <param name="Region">The region the caller addresses, as the provider's regional API does.</param>
/// <param name="ImageId">The image.</param>
/// <param name="DryRun">When true the request is decided in full and nothing is changed: success is <see cref="Failures.DryRunPassed"/> (R38).</param>
public sealed record CancelAllSharing(
    AccountId Caller,
    RegionId Region,
    ImageId ImageId,
    bool DryRun = false);
