namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>DescribeImageQuotaResponse</c>: the account's custom image quota.</summary>
internal sealed record DescribeImageQuotaResponse : WireResponse
{
    /// <summary>How many custom images the account may hold in the region (SDK: int64).</summary>
    public long ImageNumQuota { get; init; }
}
