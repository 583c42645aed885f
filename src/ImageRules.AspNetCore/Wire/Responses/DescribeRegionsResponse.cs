namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>DescribeRegionsResponse</c>: the regions.</summary>
internal sealed record DescribeRegionsResponse : WireResponse
{
    /// <summary>How many regions (SDK: uint64).</summary>
    public ulong TotalCount { get; init; }

    /// <summary>The regions.</summary>
    public IReadOnlyList<RegionInfo> RegionSet { get; init; } = [];
}
