namespace ImageRules.AspNetCore.Wire;

/// <summary>The filter names DescribeImages defines (SDK model of <c>DescribeImagesRequest.Filters</c>).</summary>
/// <remarks>
/// The current model lists <c>image-id</c>, <c>image-type</c>, <c>image-name</c>, <c>platform</c>, <c>tag-key</c>,
/// <c>tag-value</c>, <c>tag:tag-key</c> (the key in place of <c>tag-key</c>), <c>dedicated-cluster-id</c> and
/// <c>cdc-cache-status</c>; <c>image-state</c> is listed by the earlier reference and kept for older clients.
/// Any other name is <c>InvalidFilter</c>.
/// </remarks>
internal static class DescribeImagesFilterNames
{
    public const string ImageId = "image-id";
    public const string ImageType = "image-type";
    public const string ImageState = "image-state";
    public const string ImageName = "image-name";
    public const string Platform = "platform";
    public const string TagKey = "tag-key";
    public const string TagValue = "tag-value";
    public const string DedicatedClusterId = "dedicated-cluster-id";
    public const string CdcCacheStatus = "cdc-cache-status";

    /// <summary>The prefix of a filter on one tag key's value: <c>tag:env</c>.</summary>
    public const string TagPrefix = "tag:";

    /// <summary>True for a name DescribeImages defines; ordinal, as the provider's names are lowercase.</summary>
    public static bool IsKnown(string name) => name switch
    {
        ImageId or ImageType or ImageState or ImageName or Platform or TagKey or TagValue or DedicatedClusterId
            or CdcCacheStatus => true,
        _ => name.Length > TagPrefix.Length && name.StartsWith(TagPrefix, StringComparison.Ordinal),
    };
}
