namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>DescribeImportImageOsRequest</c>: no parameters; the SDK sends <c>{}</c>.</summary>
internal sealed record DescribeImportImageOsRequest : WireRequest
{
    /// <inheritdoc />
    public override WireError? Validate() => null;
}
