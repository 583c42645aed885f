namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>DescribeImageQuotaRequest</c>: no parameters; the SDK sends <c>{}</c>.</summary>
internal sealed record DescribeImageQuotaRequest : WireRequest
{
    /// <inheritdoc />
    public override WireError? Validate() => null;
}
