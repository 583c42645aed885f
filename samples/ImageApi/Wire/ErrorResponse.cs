namespace ImageRules.Samples.ImageApi.Wire;

/// <summary>The output of a refused call: <c>{"Response": {"Error": {"Code": ..., "Message": ...}, "RequestId": ...}}</c>.</summary>
/// <param name="Error">The error.</param>
/// <param name="RequestId">The call's id.</param>
public sealed record ErrorResponse(ApiError Error, string RequestId);
