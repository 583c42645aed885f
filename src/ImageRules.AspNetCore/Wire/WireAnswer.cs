using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ImageRules.AspNetCore.Wire;

/// <summary>
/// One answer, decided but not yet written: its envelope, the metadata that writes it, and the code the request's
/// log line names (<c>Success</c> or the error's code). Made by <see cref="WireResponseWriter"/>.
/// </summary>
/// <remarks>
/// Written straight to the response's <see cref="IBufferWriter{T}"/> (its <c>BodyWriter</c>), so an answer is never
/// held as an array and then copied. Immutable.
/// </remarks>
internal readonly struct WireAnswer
{
    private readonly object envelope;
    private readonly JsonTypeInfo typeInfo;

    internal WireAnswer(object envelope, JsonTypeInfo typeInfo, string code)
    {
        this.envelope = envelope;
        this.typeInfo = typeInfo;
        Code = code;
    }

    /// <summary><c>Success</c>, or the code of the error answered.</summary>
    public string Code { get; }

    /// <summary>Writes the answer's UTF-8 JSON to <paramref name="destination"/>, without flushing it.</summary>
    public void WriteTo(IBufferWriter<byte> destination) => WireResponseWriter.Write(envelope, typeInfo, destination);
}
