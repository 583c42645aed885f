namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>DescribeImageSharePermissionRequest</c>: the accounts a custom image is shared with.</summary>
/// <remarks><c>ImageId</c> is required.</remarks>
internal sealed record DescribeImageSharePermissionRequest : WireRequest
{
    /// <summary>The image.</summary>
    public string? ImageId { get; init; }

    /// <inheritdoc />
    public override WireError? Validate() => WireChecks.Required(ImageId, nameof(ImageId));
}
