using ImageRules.Domain;

namespace ImageRules.Policy;

/// <summary>The grants of an image as the caller may see them (R27): the owner sees every grant, a recipient only its own.</summary>
/// <remarks>Every request carries the caller, the region and (where there is one) the image id the same way; the service and the engine take it whole.</remarks>
/// <param name="Caller">The calling account.</param>
/// <param name="Region">The region the caller addresses, as the provider's regional API does.</param>
/// <param name="ImageId">The image.</param>
public sealed record DescribeShareGrants(
    AccountId Caller,
    RegionId Region,
    ImageId ImageId);
