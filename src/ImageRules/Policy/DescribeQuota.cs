using ImageRules.Domain;

namespace ImageRules.Policy;

/// <summary>How much of its custom-image quota the caller uses in the region (R11).</summary>
/// <remarks>Every request carries the caller, the region and (where there is one) the image id the same way; the service and the engine take it whole.</remarks>
/// <param name="Caller">The calling account.</param>
/// <param name="Region">The region the caller addresses, as the provider's regional API does.</param>
public sealed record DescribeQuota(
    AccountId Caller,
    RegionId Region);
