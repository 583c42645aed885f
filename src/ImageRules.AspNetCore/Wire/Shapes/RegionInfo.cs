namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>RegionInfo</c>: a region, as DescribeRegions lists it.</summary>
/// <remarks>Every field is optional. Immutable.</remarks>
internal sealed record RegionInfo
{
    /// <summary>The region id, such as <c>ap-guangzhou</c>.</summary>
    public string? Region { get; init; }

    /// <summary>The region's name, such as <c>华南地区(广州)</c>.</summary>
    public string? RegionName { get; init; }

    /// <summary>Whether the region is available: <c>AVAILABLE</c> or <c>UNAVAILABLE</c>.</summary>
    public string? RegionState { get; init; }
}
