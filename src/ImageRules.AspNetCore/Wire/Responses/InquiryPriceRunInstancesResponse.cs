namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>InquiryPriceRunInstancesResponse</c>: the price of the configuration.</summary>
internal sealed record InquiryPriceRunInstancesResponse : WireResponse
{
    /// <summary>The price.</summary>
    public Price Price { get; init; } = new();
}
