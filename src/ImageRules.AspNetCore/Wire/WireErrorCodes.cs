namespace ImageRules.AspNetCore.Wire;

/// <summary>The provider's error codes that the wire layer answers, with the page each one is documented on.</summary>
/// <remarks>
/// Common codes: the API 3.0 common error code table (cvm 2017-03-12, "公共错误码"). Action codes: the
/// "可能返回的错误码" lists of tencentcloud-sdk-go <c>tencentcloud/cvm/v20170312/client.go</c> and its
/// <c>errors.go</c> descriptions.
/// </remarks>
internal static class WireErrorCodes
{
    /// <summary>Common: 参数错误（包括参数格式、类型等错误）— malformed JSON, a value of the wrong JSON type.</summary>
    public const string InvalidParameter = "InvalidParameter";

    /// <summary>Common: 参数取值错误 — a null inside an array, a value outside its documented set.</summary>
    public const string InvalidParameterValue = "InvalidParameterValue";

    /// <summary>Common: 缺少参数 — a parameter the SDK model marks required is absent or null.</summary>
    public const string MissingParameter = "MissingParameter";

    /// <summary>Common: 请求包超过限制大小 — a body over the documented 10 MB of a TC3-HMAC-SHA256 POST.</summary>
    public const string RequestSizeLimitExceeded = "RequestSizeLimitExceeded";

    /// <summary>Common: 接口不存在 — an action this service does not know.</summary>
    public const string InvalidAction = "InvalidAction";

    /// <summary>Common: 操作不支持.</summary>
    public const string UnsupportedOperation = "UnsupportedOperation";

    /// <summary>Common: HTTP(S)请求协议错误，只支持GET和POST请求 — any other method.</summary>
    public const string UnsupportedProtocol = "UnsupportedProtocol";

    /// <summary>Common: 内部错误.</summary>
    public const string InternalError = "InternalError";

    /// <summary>DescribeImages: 无效的过滤器 — a filter name the action does not define.</summary>
    public const string InvalidFilter = "InvalidFilter";

    /// <summary>DescribeImages: more <c>Filters.N.Values</c> than the documented 5.</summary>
    public const string InvalidFilterValueLimitExceeded = "InvalidFilterValue.LimitExceeded";

    /// <summary>DescribeImages: 不能同时指定ImageIds和Filters.</summary>
    public const string InvalidParameterCoexistImageIdsFilters = "InvalidParameter.InvalidParameterCoexistImageIdsFilters";

    /// <summary>DescribeImages: 参数值错误 — listed for DescribeImages only; answered for a <c>Limit</c> over 100.</summary>
    public const string InvalidParameterValueLimit = "InvalidParameterValue.InvalidParameterValueLimit";

    /// <summary>参数值数量超过限制 — an array with more items than the action's cap.</summary>
    public const string InvalidParameterValueLimitExceeded = "InvalidParameterValue.LimitExceeded";

    /// <summary>无效参数值。参数值取值范围不合法 — a number outside its documented range (RunInstances).</summary>
    public const string InvalidParameterValueRange = "InvalidParameterValue.Range";

    /// <summary>CreateImage: 多选一必选参数缺失 — neither <c>InstanceId</c> nor <c>SnapshotIds</c>.</summary>
    public const string InvalidParameterSpecifyOneParameter = "InvalidParameter.SpecifyOneParameter";

    /// <summary>CreateImage: 指定的两个参数冲突，不能同时存在 — both <c>InstanceId</c> and <c>SnapshotIds</c>.</summary>
    public const string InvalidParameterConflict = "InvalidParameterConflict";

    /// <summary>RunInstances, InquiryPriceRunInstances: 指定的zone不存在 — <c>Placement.Zone</c> is not a zone of the region addressed.</summary>
    public const string InvalidZoneMismatchRegion = "InvalidZone.MismatchRegion";

    /// <summary>RunInstances: 指定的ClientToken字符串长度超出限制，必须小于等于64字节.</summary>
    public const string InvalidClientTokenTooLong = "InvalidClientToken.TooLong";
}
