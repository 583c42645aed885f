using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImageRules.AspNetCore.Wire;

/// <summary>
/// Reads a boolean of a GET request, which the SDKs send as text (<c>DryRun=true</c>): <c>true</c> or <c>false</c>,
/// ASCII case ignored; a JSON boolean is read as well. Anything else fails as a value of the wrong type.
/// </summary>
/// <remarks>Used by <see cref="WireJsonContext.Query"/> only; answers are written by <see cref="WireJsonContext.Wire"/>.</remarks>
internal sealed class QueryBooleanConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.String when reader.ValueTextEquals("true"u8) || reader.ValueTextEquals("True"u8) || reader.ValueTextEquals("TRUE"u8) => true,
        JsonTokenType.String when reader.ValueTextEquals("false"u8) || reader.ValueTextEquals("False"u8) || reader.ValueTextEquals("FALSE"u8) => false,
        _ => throw new JsonException("not a boolean"),
    };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteBooleanValue(value);
    }
}
