using ImageRules.Domain;

namespace ImageRules.Policy;

/// <summary>One image as the caller sees it, its kind included (R1, R3–R6); hidden or absent is <see cref="Failures.ImageNotFound"/>.</summary>
/// <remarks>Every request carries the caller, the region and (where there is one) the image id the same way; the service and the engine take it whole.</remarks>
/// <param name="Caller">The calling account.</param>
/// <param name="Region">The region the caller addresses, as the provider's regional API does.</param>
/// <param name="ImageId">The image.</param>
public sealed record GetImage(
    AccountId Caller,
    RegionId Region,
    ImageId ImageId);
