using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Ardalis.GuardClauses;

namespace ImageRules.AspNetCore.Wire;

/// <summary>
/// Writes answers as the provider does: UTF-8 JSON in the envelope <c>{"Response": {..., "RequestId": "..."}}</c>,
/// successful or not (the HTTP status is 200 either way).
/// </summary>
/// <remarks>Stateless and thread-safe; uses the source-generated <see cref="WireJsonContext"/> only.</remarks>
internal static class WireResponseWriter
{
    /// <summary>A successful answer with <paramref name="requestId"/>.</summary>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> is not registered in <see cref="WireJsonContext"/>.</exception>
    public static byte[] Success<T>(T response, string requestId)
        where T : WireResponse
    {
        Guard.Against.Null(response);
        Guard.Against.Null(requestId);
        var stamped = (T)response.WithRequestId(requestId);
        return JsonSerializer.SerializeToUtf8Bytes(new WireEnvelope<T>(stamped), EnvelopeTypeInfo<T>());
    }

    /// <summary>A failed answer: <paramref name="error"/> with <paramref name="requestId"/>.</summary>
    public static byte[] Failure(WireError error, string requestId)
    {
        Guard.Against.Null(error);
        Guard.Against.Null(requestId);
        return Success(new WireErrorResponse(error), requestId);
    }

    /// <summary>True when answers of type <typeparamref name="T"/> can be written.</summary>
    public static bool CanWrite<T>()
        where T : WireResponse =>
        WireJsonContext.Wire.GetTypeInfo(typeof(WireEnvelope<T>)) is JsonTypeInfo<WireEnvelope<T>>;

    private static JsonTypeInfo<WireEnvelope<T>> EnvelopeTypeInfo<T>()
        where T : WireResponse =>
        WireJsonContext.Wire.GetTypeInfo(typeof(WireEnvelope<T>)) as JsonTypeInfo<WireEnvelope<T>>
        ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered in {nameof(WireJsonContext)}");
}
