using ImageRules.Domain;

namespace ImageRules.Policy;

/// <summary>May the caller launch an instance from the image here (R30)? Answered with a <see cref="Domain.LaunchPermit"/>: why (public, owner or grant), the Windows licence fee (R31) and advisories (R26).</summary>
/// <remarks>Every request carries the caller, the region and (where there is one) the image id the same way; the service and the engine take it whole.</remarks>
/// <param name="Caller">The calling account.</param>
/// <param name="Region">The region the caller addresses, as the provider's regional API does.</param>
/// <param name="ImageId">The image.</param>
public sealed record LaunchImage(
    AccountId Caller,
    RegionId Region,
    ImageId ImageId);
