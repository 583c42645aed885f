namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>DescribeImageSharePermissionResponse</c>: the accounts an image is shared with.</summary>
internal sealed record DescribeImageSharePermissionResponse : WireResponse
{
    /// <summary>The shares.</summary>
    public IReadOnlyList<SharePermission> SharePermissionSet { get; init; } = [];
}
