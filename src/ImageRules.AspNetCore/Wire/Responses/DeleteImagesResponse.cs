namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>DeleteImagesResponse</c>: the request id only.</summary>
internal sealed record DeleteImagesResponse : WireResponse;
