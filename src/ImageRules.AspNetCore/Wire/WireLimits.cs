namespace ImageRules.AspNetCore.Wire;

/// <summary>The provider's documented caps that the wire layer enforces, each with where it is documented.</summary>
/// <remarks>
/// "SDK model" is the field comment of tencentcloud-sdk-nodejs-cvm 4.1.316 <c>cvm_models.d.ts</c> (the same text as
/// the API reference); "SDK client" the action comment of its <c>cvm_client.d.ts</c>. Caps marked "not documented"
/// bound the work of one request where the provider publishes no number.
/// </remarks>
internal static class WireLimits
{
    /// <summary>DescribeImages <c>ImageIds</c>: not documented; 100, as <c>Limit</c> and every batch API of cvm.</summary>
    public const int DescribeImagesImageIds = 100;

    /// <summary>DescribeImages <c>Filters</c>: SDK model, "每次请求的`Filters`的上限为10".</summary>
    public const int DescribeImagesFilters = 10;

    /// <summary>DescribeImages <c>Filters.N.Values</c>: SDK model, "`Filters.Values`的上限为5".</summary>
    public const int DescribeImagesFilterValues = 5;

    /// <summary>DescribeImages <c>Limit</c>: SDK model, "默认为20，最大值为100".</summary>
    public const ulong DescribeImagesLimit = 100;

    /// <summary>DeleteImages <c>ImageIds</c>: not documented; 100, as the batch APIs of cvm.</summary>
    public const int DeleteImagesImageIds = 100;

    /// <summary>SyncImages <c>ImageIds</c>: SDK client, "该接口每次调用只支持同步一个镜像".</summary>
    public const int SyncImagesImageIds = 1;

    /// <summary>SyncImages <c>DestinationRegions</c>: not documented; 100, far more regions than the provider has.</summary>
    public const int SyncImagesDestinationRegions = 100;

    /// <summary>ModifyImageSharePermission <c>AccountIds</c>: SDK client, "每个自定义镜像最多可共享给500个账户".</summary>
    public const int ModifyImageSharePermissionAccountIds = 500;

    /// <summary>RunInstances <c>InstanceCount</c>: SDK model, "取值范围：[1，500]".</summary>
    public const long RunInstancesInstanceCount = 500;

    /// <summary>InquiryPriceRunInstances <c>InstanceCount</c>: SDK model, "取值范围：[1，100]".</summary>
    public const long InquiryPriceRunInstancesInstanceCount = 100;

    /// <summary>RunInstances and InquiryPriceRunInstances <c>DataDisks</c>: SDK model, "支持购买的时候指定21块数据盘".</summary>
    public const int DataDisks = 21;

    /// <summary>
    /// Array items in one body, all arrays together: not documented; 10 000, far above what every cap of an action adds
    /// up to (500 <c>AccountIds</c> is the largest), so that no body makes the reader build millions of values.
    /// </summary>
    public const int BodyArrayItems = 10_000;

    /// <summary><c>ClientToken</c>: SDK model, "最大值不超过64个ASCII字符".</summary>
    public const int ClientTokenLength = 64;
}
