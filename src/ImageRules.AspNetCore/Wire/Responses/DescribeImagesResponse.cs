namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>DescribeImagesResponse</c>: one page of images and how many match in all.</summary>
internal sealed record DescribeImagesResponse : WireResponse
{
    /// <summary>The images of the page.</summary>
    public WireImageSet ImageSet { get; init; } = WireImageSet.None;

    /// <summary>How many images match in all (SDK: int64).</summary>
    public long TotalCount { get; init; }
}
