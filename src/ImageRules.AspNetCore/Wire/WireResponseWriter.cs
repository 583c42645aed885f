using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Ardalis.GuardClauses;

namespace ImageRules.AspNetCore.Wire;

/// <summary>
/// Writes answers as the provider does: UTF-8 JSON in the envelope <c>{"Response": {..., "RequestId": "..."}}</c>,
/// successful or not (the HTTP status is 200 either way).
/// </summary>
/// <remarks>
/// Stateless and thread-safe; uses the source-generated <see cref="WireJsonContext"/> only. Each thread keeps one
/// <see cref="Utf8JsonWriter"/> for the answers it writes, so writing one allocates no writer.
/// </remarks>
internal static class WireResponseWriter
{
    // The writer's options, not the serializer's, decide the escaping when serializing to a writer: the same relaxed encoder.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = WireJsonContext.Wire.Options.Encoder,
        MaxDepth = WireRequestReader.MaxDepth,
    };

    // What a parked writer points at between answers, so that it keeps no response's pipe alive.
    private static readonly ArrayBufferWriter<byte> Parked = new(1);

    [ThreadStatic]
    private static Utf8JsonWriter? threadWriter;

    /// <summary>A successful answer with <paramref name="requestId"/>.</summary>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> is not registered in <see cref="WireJsonContext"/>.</exception>
    public static WireAnswer Success<T>(T response, string requestId)
        where T : WireResponse => Answer(response, requestId, "Success");

    /// <summary>A failed answer: <paramref name="error"/> with <paramref name="requestId"/>.</summary>
    public static WireAnswer Failure(WireError error, string requestId)
    {
        Guard.Against.Null(error);
        return Answer(new WireErrorResponse(error), requestId, error.Code);
    }

    /// <summary>Serializes <paramref name="envelope"/> to <paramref name="destination"/> with the thread's writer.</summary>
    internal static void Write(object envelope, JsonTypeInfo typeInfo, IBufferWriter<byte> destination)
    {
        Guard.Against.Null(destination);
        var writer = threadWriter;
        threadWriter = null; // a nested write on this thread, if ever, makes its own writer
        if (writer is null)
        {
            writer = new Utf8JsonWriter(destination, WriterOptions);
        }
        else
        {
            writer.Reset(destination);
        }

        try
        {
            JsonSerializer.Serialize(writer, envelope, typeInfo);
            writer.Flush();
        }
        finally
        {
            writer.Reset(Parked);
            threadWriter = writer;
        }
    }

    private static WireAnswer Answer<T>(T response, string requestId, string code)
        where T : WireResponse
    {
        Guard.Against.Null(response);
        Guard.Against.Null(requestId);
        var stamped = (T)response.WithRequestId(requestId);
        return new WireAnswer(new WireEnvelope<T>(stamped), EnvelopeTypeInfo<T>(), code);
    }

    private static JsonTypeInfo<WireEnvelope<T>> EnvelopeTypeInfo<T>()
        where T : WireResponse =>
        WireJsonContext.Wire.GetTypeInfo(typeof(WireEnvelope<T>)) as JsonTypeInfo<WireEnvelope<T>>
        ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered in {nameof(WireJsonContext)}");
}
