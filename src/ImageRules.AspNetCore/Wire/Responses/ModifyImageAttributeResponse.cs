namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>ModifyImageAttributeResponse</c>: the request id only.</summary>
internal sealed record ModifyImageAttributeResponse : WireResponse;
