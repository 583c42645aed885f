using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImageRules.AspNetCore.Wire;

/// <summary>
/// Writes an <see cref="Image"/> member by member with pre-encoded names, as the serializer's metadata would (the
/// declared order, unset fields left out, <see cref="Image.SyncPercent"/> written even when null), but without a
/// getter call, boxing or metadata lookup per field: a DescribeImages page writes twenty of them per request.
/// </summary>
/// <remarks>Answers only: requests carry no image, so reading one is not supported. Stateless and thread-safe.</remarks>
internal sealed class WireImageConverter : JsonConverter<Image>
{
    private static readonly JsonEncodedText ImageId = JsonEncodedText.Encode(nameof(Image.ImageId));
    private static readonly JsonEncodedText OsName = JsonEncodedText.Encode(nameof(Image.OsName));
    private static readonly JsonEncodedText ImageType = JsonEncodedText.Encode(nameof(Image.ImageType));
    private static readonly JsonEncodedText CreatedTime = JsonEncodedText.Encode(nameof(Image.CreatedTime));
    private static readonly JsonEncodedText ImageName = JsonEncodedText.Encode(nameof(Image.ImageName));
    private static readonly JsonEncodedText ImageDescription = JsonEncodedText.Encode(nameof(Image.ImageDescription));
    private static readonly JsonEncodedText ImageSize = JsonEncodedText.Encode(nameof(Image.ImageSize));
    private static readonly JsonEncodedText Architecture = JsonEncodedText.Encode(nameof(Image.Architecture));
    private static readonly JsonEncodedText ImageState = JsonEncodedText.Encode(nameof(Image.ImageState));
    private static readonly JsonEncodedText Platform = JsonEncodedText.Encode(nameof(Image.Platform));
    private static readonly JsonEncodedText ImageCreator = JsonEncodedText.Encode(nameof(Image.ImageCreator));
    private static readonly JsonEncodedText ImageSource = JsonEncodedText.Encode(nameof(Image.ImageSource));
    private static readonly JsonEncodedText SyncPercent = JsonEncodedText.Encode(nameof(Image.SyncPercent));
    private static readonly JsonEncodedText IsSupportCloudinit = JsonEncodedText.Encode(nameof(Image.IsSupportCloudinit));
    private static readonly JsonEncodedText SnapshotSet = JsonEncodedText.Encode(nameof(Image.SnapshotSet));
    private static readonly JsonEncodedText Tags = JsonEncodedText.Encode(nameof(Image.Tags));
    private static readonly JsonEncodedText LicenseType = JsonEncodedText.Encode(nameof(Image.LicenseType));
    private static readonly JsonEncodedText ImageFamily = JsonEncodedText.Encode(nameof(Image.ImageFamily));
    private static readonly JsonEncodedText ImageDeprecated = JsonEncodedText.Encode(nameof(Image.ImageDeprecated));
    private static readonly JsonEncodedText CdcCacheStatus = JsonEncodedText.Encode(nameof(Image.CdcCacheStatus));

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Image value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        WriteText(writer, ImageId, value.ImageId);
        WriteText(writer, OsName, value.OsName);
        WriteText(writer, ImageType, value.ImageType);
        if (value.CreatedTime is { } created)
        {
            writer.WritePropertyName(CreatedTime);
            WireTimestamp.WriteValue(writer, created);
        }

        WriteText(writer, ImageName, value.ImageName);
        WriteText(writer, ImageDescription, value.ImageDescription);
        if (value.ImageSize is { } size) writer.WriteNumber(ImageSize, size);
        WriteText(writer, Architecture, value.Architecture);
        WriteText(writer, ImageState, value.ImageState);
        WriteText(writer, Platform, value.Platform);
        WriteText(writer, ImageCreator, value.ImageCreator);
        WriteText(writer, ImageSource, value.ImageSource);
        if (value.SyncPercent is { } percent) writer.WriteNumber(SyncPercent, percent);
        else writer.WriteNull(SyncPercent);
        if (value.IsSupportCloudinit is { } cloudInit) writer.WriteBoolean(IsSupportCloudinit, cloudInit);
        WriteList(writer, SnapshotSet, value.SnapshotSet, options);
        WriteList(writer, Tags, value.Tags, options);
        WriteText(writer, LicenseType, value.LicenseType);
        WriteText(writer, ImageFamily, value.ImageFamily);
        if (value.ImageDeprecated is { } deprecated) writer.WriteBoolean(ImageDeprecated, deprecated);
        WriteText(writer, CdcCacheStatus, value.CdcCacheStatus);
        writer.WriteEndObject();
    }

    /// <inheritdoc/>
    public override Image Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("images are written, never read");

    private static void WriteText(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null) writer.WriteString(name, value);
    }

    // The stand-in's images have no snapshots or tags: an empty list costs no metadata lookup.
    private static void WriteList<T>(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<T>? items, JsonSerializerOptions options)
    {
        if (items is null) return;
        writer.WritePropertyName(name);
        writer.WriteStartArray();
        if (items.Count > 0)
        {
            var typeInfo = options.GetTypeInfo(typeof(T));
            foreach (var item in items) JsonSerializer.Serialize(writer, item, typeInfo);
        }

        writer.WriteEndArray();
    }
}
