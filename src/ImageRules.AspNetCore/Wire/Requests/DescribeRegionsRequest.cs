namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>DescribeRegionsRequest</c>: no parameters; the SDK sends <c>{}</c>.</summary>
internal sealed record DescribeRegionsRequest : WireRequest
{
    /// <inheritdoc />
    public override WireError? Validate() => null;
}
