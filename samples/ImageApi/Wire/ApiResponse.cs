namespace ImageRules.Samples.ImageApi.Wire;

/// <summary>The provider's envelope around every answer, success or error: <c>{"Response": {...}}</c>.</summary>
/// <typeparam name="T">The action's output, which ends with <c>RequestId</c>.</typeparam>
/// <param name="Response">The output.</param>
public sealed record ApiResponse<T>(T Response);
