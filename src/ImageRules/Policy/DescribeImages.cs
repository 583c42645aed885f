using ImageRules.Domain;

namespace ImageRules.Policy;

/// <summary>The images the caller can see in the region, filtered, newest first, one page (R2–R5).</summary>
/// <remarks>Every request carries the caller, the region and (where there is one) the image id the same way; the service and the engine take it whole.</remarks>
/// <param name="Caller">The calling account.</param>
/// <param name="Region">The region the caller addresses, as the provider's regional API does.</param>
/// <param name="Filter">The filters; none matches everything.</param>
/// <param name="Offset">How many to skip: 0 or more (default 0).</param>
/// <param name="Limit">The page size: 1–100 (default 20, R2).</param>
public sealed record DescribeImages(
    AccountId Caller,
    RegionId Region,
    ImageFilter? Filter = null,
    int? Offset = null,
    int? Limit = null);
