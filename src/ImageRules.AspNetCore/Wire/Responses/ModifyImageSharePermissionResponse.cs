namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>ModifyImageSharePermissionResponse</c>: the request id only.</summary>
internal sealed record ModifyImageSharePermissionResponse : WireResponse;
