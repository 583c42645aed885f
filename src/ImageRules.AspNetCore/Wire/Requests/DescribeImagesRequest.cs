namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>DescribeImagesRequest</c>: images by id, or by filters, one page at a time.</summary>
/// <remarks>
/// Caps: <c>ImageIds</c> ≤ 100 and <c>Filters</c> ≤ 10 (<c>InvalidParameterValue.LimitExceeded</c>), ≤ 5
/// <c>Filters.N.Values</c> (<c>InvalidFilterValue.LimitExceeded</c>), <c>Limit</c> ≤ 100
/// (<c>InvalidParameterValue.InvalidParameterValueLimit</c>); <c>ImageIds</c> with <c>Filters</c> is
/// <c>InvalidParameter.InvalidParameterCoexistImageIdsFilters</c>; a name not in <see cref="DescribeImagesFilterNames"/>
/// is <c>InvalidFilter</c>. An empty list counts as not specified.
/// </remarks>
internal sealed record DescribeImagesRequest : WireRequest
{
    /// <summary>The images to describe.</summary>
    public IReadOnlyList<string>? ImageIds { get; init; }

    /// <summary>The filters; see <see cref="DescribeImagesFilterNames"/>.</summary>
    public IReadOnlyList<Filter>? Filters { get; init; }

    /// <summary>The offset; 0 by default (SDK: uint64).</summary>
    public ulong? Offset { get; init; }

    /// <summary>The page size; 20 by default, at most 100 (SDK: uint64).</summary>
    public ulong? Limit { get; init; }

    /// <summary>Only images that can launch this instance type, such as <c>SA5.MEDIUM2</c>.</summary>
    public string? InstanceType { get; init; }

    /// <inheritdoc />
    public override WireError? Validate() =>
        WireChecks.NoNullItems(ImageIds, nameof(ImageIds))
        ?? (ImageIds is { Count: > 0 } && Filters is { Count: > 0 }
            ? WireErrors.Coexist(nameof(ImageIds), nameof(Filters), WireErrorCodes.InvalidParameterCoexistImageIdsFilters)
            : null)
        ?? WireChecks.AtMost(ImageIds, WireLimits.DescribeImagesImageIds, nameof(ImageIds))
        ?? WireChecks.AtMost(Filters, WireLimits.DescribeImagesFilters, nameof(Filters))
        ?? WireChecks.Each(Filters, nameof(Filters), ValidateFilter)
        ?? (Limit > WireLimits.DescribeImagesLimit
            ? new WireError(
                WireErrorCodes.InvalidParameterValueLimit,
                FormattableString.Invariant($"`Limit` is {Limit}, at most {WireLimits.DescribeImagesLimit} is allowed"))
            : null);

    private static WireError? ValidateFilter(Filter filter, string path) =>
        WireChecks.Required(filter.Name, $"{path}.Name")
        ?? WireChecks.RequiredList(filter.Values, $"{path}.Values")
        ?? WireChecks.NoNullItems(filter.Values, $"{path}.Values")
        ?? WireChecks.AtMost(filter.Values, WireLimits.DescribeImagesFilterValues, $"{path}.Values", WireErrorCodes.InvalidFilterValueLimitExceeded)
        ?? (DescribeImagesFilterNames.IsKnown(filter.Name!)
            ? null
            : WireErrors.UnknownFilter($"{path}.Name", filter.Name!, WireActions.DescribeImages));
}
