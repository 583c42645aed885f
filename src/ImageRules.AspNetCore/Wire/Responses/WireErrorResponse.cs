namespace ImageRules.AspNetCore.Wire;

/// <summary>A failed answer: <c>{"Error": {"Code": "...", "Message": "..."}, "RequestId": "..."}</c>.</summary>
/// <param name="Error">The error.</param>
internal sealed record WireErrorResponse(WireError Error) : WireResponse;
