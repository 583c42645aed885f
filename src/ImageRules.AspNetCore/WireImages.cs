using System.Globalization;
using ImageRules.AspNetCore.Lifecycle;
using ImageRules.Domain;
using ImageRules.Policy;
using WireImage = ImageRules.AspNetCore.Wire.Image;

namespace ImageRules.AspNetCore;

/// <summary>How the library's values are spelled on the provider's wire (the SDK model's names and values).</summary>
internal static class WireImages
{
    /// <summary>The provider's time format: UTC, whole seconds, <c>Z</c>.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static WireImage ToWire(VisibleImage visible, ImageLifecycle lifecycle)
    {
        var image = visible.Image;
        return new WireImage
        {
            ImageId = image.Id.Value,
            OsName = image.OperatingSystem.Name,
            ImageType = TypeOf(visible.Kind),
            CreatedTime = Time(image.CreatedAt),
            ImageName = image.Name,
            ImageDescription = image.Description,
            ImageSize = image.SizeGiB,
            Architecture = image.Architecture == Architecture.Arm64 ? "arm" : image.Architecture.ToProviderName(),
            ImageState = StateOf(image.State),
            Platform = image.OperatingSystem.Platform,
            ImageCreator = image.Owner?.Value ?? string.Empty,
            ImageSource = SourceOf(image.Source),
            SyncPercent = lifecycle.Progress(image),
            IsSupportCloudinit = true,
            SnapshotSet = [],
            Tags = [],
            LicenseType = "TencentCloud",
            ImageFamily = string.Empty,
            ImageDeprecated = false,
        };
    }

    public static string TypeOf(ImageKind kind) => kind switch
    {
        ImageKind.Public => "PUBLIC_IMAGE",
        ImageKind.Custom => "PRIVATE_IMAGE",
        _ => "SHARED_IMAGE",
    };

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

    private static string SourceOf(ImageSource source) => source switch
    {
        ImageSource.Official => "OFFICIAL",
        ImageSource.Imported => "EXTERNAL_IMPORT",
        _ => "CREATE_IMAGE",
    };
}
