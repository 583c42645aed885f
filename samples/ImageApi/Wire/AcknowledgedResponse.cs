namespace ImageRules.Samples.ImageApi.Wire;

/// <summary>The output of an action that returns nothing but its request id, such as <c>DeleteImages</c>.</summary>
/// <param name="RequestId">The call's id.</param>
public sealed record AcknowledgedResponse(string RequestId);
