namespace ImageRules.Samples.ImageApi.Wire;

/// <summary>The output of <c>DescribeImages</c>: one page, and how many images match in all.</summary>
/// <param name="ImageSet">The page.</param>
/// <param name="TotalCount">How many images match.</param>
/// <param name="RequestId">The call's id.</param>
public sealed record DescribeImagesResponse(IReadOnlyList<ImageItem> ImageSet, int TotalCount, string RequestId);
