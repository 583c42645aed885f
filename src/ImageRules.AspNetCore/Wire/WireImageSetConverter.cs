using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImageRules.AspNetCore.Wire;

/// <summary>Writes a <see cref="WireImageSet"/> as the JSON array of its images.</summary>
/// <remarks>Answers only: requests carry no image, so reading one is not supported. Stateless and thread-safe.</remarks>
internal sealed class WireImageSetConverter : JsonConverter<WireImageSet>
{
    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, WireImageSet value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        value.WriteImages(writer);
        writer.WriteEndArray();
    }

    /// <inheritdoc/>
    public override WireImageSet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("images are written, never read");
}
