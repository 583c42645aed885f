namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>Price</c>: the price of an instance configuration, for InquiryPriceRunInstances.</summary>
/// <remarks>Every field is optional. Immutable.</remarks>
internal sealed record Price
{
    /// <summary>The price of the instance.</summary>
    public ItemPrice? InstancePrice { get; init; }

    /// <summary>The price of the network.</summary>
    public ItemPrice? BandwidthPrice { get; init; }
}
