namespace ImageRules.Samples.ImageApi.Wire;

/// <summary>The input of <c>DescribeImages</c> (R2): ids or filters, and a page.</summary>
/// <param name="ImageIds">Only these images.</param>
/// <param name="Filters">Filters: <c>image-id</c>, <c>image-type</c> (<c>PUBLIC_IMAGE</c>, <c>PRIVATE_IMAGE</c>, <c>SHARED_IMAGE</c>), <c>image-name</c> (contains), <c>platform</c>.</param>
/// <param name="Offset">Images to skip; 0 by default.</param>
/// <param name="Limit">Images per page; 20 by default, at most 100.</param>
public sealed record DescribeImagesRequest(IReadOnlyList<string>? ImageIds, IReadOnlyList<ApiFilter>? Filters, int? Offset, int? Limit);
