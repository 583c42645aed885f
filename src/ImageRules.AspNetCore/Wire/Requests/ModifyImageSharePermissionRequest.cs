namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>ModifyImageSharePermissionRequest</c>: share a custom image with accounts, or stop sharing it.</summary>
/// <remarks>
/// <c>ImageId</c>, <c>AccountIds</c> and <c>Permission</c> are required; <c>AccountIds</c> ≤ 500, the accounts one image
/// can be shared with (<c>InvalidParameterValue.LimitExceeded</c>); <c>Permission</c> is <c>SHARE</c> or <c>CANCEL</c>.
/// </remarks>
internal sealed record ModifyImageSharePermissionRequest : WireRequest
{
    public const string Share = "SHARE";
    public const string Cancel = "CANCEL";

    /// <summary>The image, in state <c>NORMAL</c>.</summary>
    public string? ImageId { get; init; }

    /// <summary>The root accounts to share with or to stop sharing with.</summary>
    public IReadOnlyList<string>? AccountIds { get; init; }

    /// <summary><c>SHARE</c> or <c>CANCEL</c>.</summary>
    public string? Permission { get; init; }

    /// <inheritdoc />
    public override WireError? Validate() =>
        WireChecks.Required(ImageId, nameof(ImageId))
        ?? WireChecks.RequiredList(AccountIds, nameof(AccountIds))
        ?? WireChecks.Required(Permission, nameof(Permission))
        ?? WireChecks.NoNullItems(AccountIds, nameof(AccountIds))
        ?? WireChecks.AtMost(AccountIds, WireLimits.ModifyImageSharePermissionAccountIds, nameof(AccountIds))
        ?? WireChecks.OneOf(Permission, nameof(Permission), Share, Cancel);
}
