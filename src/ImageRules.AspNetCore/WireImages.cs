using System.Globalization;
using System.Text.Json;
using ImageRules.AspNetCore.Lifecycle;
using ImageRules.AspNetCore.Wire;
using ImageRules.Domain;
using ImageRules.Policy;

namespace ImageRules.AspNetCore;

/// <summary>How the library's values are spelled on the provider's wire (the SDK model's names and values).</summary>
/// <remarks>
/// An image is written field by field with pre-encoded names, in the SDK model's order:
/// every field the stand-in knows, <c>SnapshotSet</c> and <c>Tags</c> empty, <c>CdcCacheStatus</c> left out.
/// Stateless and thread-safe.
/// </remarks>
internal static class WireImages
{
    /// <summary>
    /// The images of <paramref name="page"/> as the answer's <c>ImageSet</c>; each one's <c>SyncPercent</c> is the
    /// lifecycle's progress when the answer is written.
    /// </summary>
    public static WireImageSet Set(ReadOnlyMemory<VisibleImage> page, ImageLifecycle lifecycle) => new PageImages(page, lifecycle);

    public static string TypeOf(ImageKind kind) => kind switch
    {
        ImageKind.Public => PublicImage,
        ImageKind.Custom => PrivateImage,
        _ => SharedImage,
    };

    /// <summary>The kind an <c>image-type</c> value names, or null for a value that names none.</summary>
    public static ImageKind? KindOf(string type) => type switch
    {
        PublicImage => ImageKind.Public,
        PrivateImage => ImageKind.Custom,
        SharedImage => ImageKind.Shared,
        _ => null,
    };

    private const string PublicImage = "PUBLIC_IMAGE";
    private const string PrivateImage = "PRIVATE_IMAGE";
    private const string SharedImage = "SHARED_IMAGE";

    /// <summary>The API's states; it has no state for a failed copy, which it shows as failed creation.</summary>
    public static string StateOf(ImageState state) => state switch
    {
        ImageState.Creating => "CREATING",
        ImageState.Importing => "IMPORTING",
        ImageState.Syncing => "SYNCING",
        ImageState.Normal => "NORMAL",
        ImageState.ImportFailed => "IMPORTFAILED",
        _ => "CREATEFAILED",
    };

    // The SDK model's spelling, which differs from the provider's arm64 elsewhere.
    private static string ArchitectureOf(Architecture architecture) => architecture == Architecture.Arm64 ? "arm" : architecture.ToProviderName();

    private static string SourceOf(ImageSource source) => source switch
    {
        ImageSource.Official => "OFFICIAL",
        ImageSource.Imported => "EXTERNAL_IMPORT",
        _ => "CREATE_IMAGE",
    };

    /// <summary>Writes <paramref name="visible"/> as an SDK <c>Image</c> object.</summary>
    private static void Write(Utf8JsonWriter writer, VisibleImage visible, ImageLifecycle lifecycle)
    {
        var image = visible.Image;
        writer.WriteStartObject();
        writer.WriteString(Names.ImageId, image.Id.Value);
        writer.WriteString(Names.OsName, image.OperatingSystem.Name);
        writer.WriteString(Names.ImageType, Values.Types[(int)visible.Kind]);
        writer.WritePropertyName(Names.CreatedTime);
        WireTimestamp.WriteValue(writer, image.CreatedAt);
        writer.WriteString(Names.ImageName, image.Name);
        writer.WriteString(Names.ImageDescription, image.Description);
        writer.WriteNumber(Names.ImageSize, image.SizeGiB);
        writer.WriteString(Names.Architecture, Values.Architectures[(int)image.Architecture]);
        writer.WriteString(Names.ImageState, Values.States[(int)image.State]);
        writer.WriteString(Names.Platform, image.OperatingSystem.Platform);
        writer.WriteString(Names.ImageCreator, image.Owner?.Value ?? string.Empty);
        writer.WriteString(Names.ImageSource, Values.Sources[(int)image.Source]);
        writer.WriteNumber(Names.SyncPercent, lifecycle.Progress(image));
        writer.WriteBoolean(Names.IsSupportCloudinit, true);
        WriteEmptyList(writer, Names.SnapshotSet);
        WriteEmptyList(writer, Names.Tags);
        writer.WriteString(Names.LicenseType, Values.TencentCloud);
        writer.WriteString(Names.ImageFamily, string.Empty);
        writer.WriteBoolean(Names.ImageDeprecated, false);
        writer.WriteEndObject();
    }

    // The stand-in keeps no snapshots and binds no tags to images.
    private static void WriteEmptyList(Utf8JsonWriter writer, JsonEncodedText name)
    {
        writer.WriteStartArray(name);
        writer.WriteEndArray();
    }

    private sealed class PageImages(ReadOnlyMemory<VisibleImage> page, ImageLifecycle lifecycle) : WireImageSet
    {
        public override void WriteImages(Utf8JsonWriter writer)
        {
            foreach (var visible in page.Span)
            {
                Write(writer, visible, lifecycle);
            }
        }
    }

    /// <summary>
    /// The fixed values an image is written with, encoded once, so that writing one neither checks them for escaping
    /// nor transcodes them; each enum's by its value (they number their members from 0 up).
    /// </summary>
    private static class Values
    {
        public static readonly JsonEncodedText TencentCloud = JsonEncodedText.Encode("TencentCloud");
        public static readonly JsonEncodedText[] Types = Encoded<ImageKind>(TypeOf);
        public static readonly JsonEncodedText[] States = Encoded<ImageState>(StateOf);
        public static readonly JsonEncodedText[] Sources = Encoded<ImageSource>(SourceOf);
        public static readonly JsonEncodedText[] Architectures = Encoded<Architecture>(ArchitectureOf);

        private static JsonEncodedText[] Encoded<T>(Func<T, string> spell)
            where T : struct, Enum
        {
            // Distinct and sorted, the values are 0 to n - 1 exactly when the last is n - 1.
            var values = Enum.GetValues<T>();
            return Convert.ToInt32(values[^1], CultureInfo.InvariantCulture) == values.Length - 1
                ? [.. values.Select(value => JsonEncodedText.Encode(spell(value)))]
                : throw new InvalidOperationException($"{typeof(T).Name} does not number its members from 0 up");
        }
    }

    /// <summary>The SDK <c>Image</c> model's field names, encoded once.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText ImageId = JsonEncodedText.Encode(nameof(ImageId));
        public static readonly JsonEncodedText OsName = JsonEncodedText.Encode(nameof(OsName));
        public static readonly JsonEncodedText ImageType = JsonEncodedText.Encode(nameof(ImageType));
        public static readonly JsonEncodedText CreatedTime = JsonEncodedText.Encode(nameof(CreatedTime));
        public static readonly JsonEncodedText ImageName = JsonEncodedText.Encode(nameof(ImageName));
        public static readonly JsonEncodedText ImageDescription = JsonEncodedText.Encode(nameof(ImageDescription));
        public static readonly JsonEncodedText ImageSize = JsonEncodedText.Encode(nameof(ImageSize));
        public static readonly JsonEncodedText Architecture = JsonEncodedText.Encode(nameof(Architecture));
        public static readonly JsonEncodedText ImageState = JsonEncodedText.Encode(nameof(ImageState));
        public static readonly JsonEncodedText Platform = JsonEncodedText.Encode(nameof(Platform));
        public static readonly JsonEncodedText ImageCreator = JsonEncodedText.Encode(nameof(ImageCreator));
        public static readonly JsonEncodedText ImageSource = JsonEncodedText.Encode(nameof(ImageSource));
        public static readonly JsonEncodedText SyncPercent = JsonEncodedText.Encode(nameof(SyncPercent));
        public static readonly JsonEncodedText IsSupportCloudinit = JsonEncodedText.Encode(nameof(IsSupportCloudinit));
        public static readonly JsonEncodedText SnapshotSet = JsonEncodedText.Encode(nameof(SnapshotSet));
        public static readonly JsonEncodedText Tags = JsonEncodedText.Encode(nameof(Tags));
        public static readonly JsonEncodedText LicenseType = JsonEncodedText.Encode(nameof(LicenseType));
        public static readonly JsonEncodedText ImageFamily = JsonEncodedText.Encode(nameof(ImageFamily));
        public static readonly JsonEncodedText ImageDeprecated = JsonEncodedText.Encode(nameof(ImageDeprecated));
    }
}
