namespace ImageRules.AspNetCore.Wire;

/// <summary>The envelope of every answer: <c>{"Response": {...}}</c>, sent with HTTP 200 whatever the outcome.</summary>
/// <typeparam name="T">The answer inside.</typeparam>
/// <param name="Response">The answer.</param>
internal sealed record WireEnvelope<T>(T Response)
    where T : WireResponse;
