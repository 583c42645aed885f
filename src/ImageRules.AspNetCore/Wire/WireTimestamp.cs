using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImageRules.AspNetCore.Wire;

/// <summary>
/// Times as the provider writes them (<c>Image.CreatedTime</c>, <c>SharePermission.CreatedTime</c>): ISO 8601 in UTC
/// with seconds and no fraction, <c>YYYY-MM-DDThh:mm:ssZ</c> (SDK model), for example <c>2026-12-01T02:09:13Z</c>;
/// fractions of a second are dropped, not rounded.
/// </summary>
/// <remarks>
/// Formatted into a stack buffer and written as UTF-8, so an answer's times cost no strings. Answers only: the
/// requests have no time field, so reading one is not supported. Stateless and thread-safe.
/// </remarks>
internal sealed class WireTimestamp : JsonConverter<DateTimeOffset>
{
    // The sortable standard format, yyyy-MM-ddTHH:mm:ss, then the zone: the runtime formats it on a fast path that a
    // custom format string (the same text) does not take.
    private const string Sortable = "s";
    private const int Length = 20;

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => WriteValue(writer, value);

    /// <summary>Writes <paramref name="value"/> as the provider writes times, for writers that do not go through a converter.</summary>
    internal static void WriteValue(Utf8JsonWriter writer, DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> text = stackalloc byte[Length + 8]; // years past 9999 cannot occur in a DateTime; the slack costs nothing
        value.UtcDateTime.TryFormat(text, out var written, Sortable, CultureInfo.InvariantCulture);
        text[written++] = (byte)'Z';
        writer.WriteStringValue(text[..written]);
    }

    /// <inheritdoc/>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("wire times are written, never read");
}
