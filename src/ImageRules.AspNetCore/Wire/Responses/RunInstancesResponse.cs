namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>RunInstancesResponse</c>: the new instances' ids (they start <c>PENDING</c>).</summary>
internal sealed record RunInstancesResponse : WireResponse
{
    /// <summary>The instances' ids.</summary>
    public IReadOnlyList<string> InstanceIdSet { get; init; } = [];
}
