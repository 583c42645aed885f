using ImageRules.AspNetCore.Lifecycle;
using ImageRules.Domain;
using ImageRules.Policy;
using WireImage = ImageRules.AspNetCore.Wire.Image;

namespace ImageRules.AspNetCore;

/// <summary>How the library's values are spelled on the provider's wire (the SDK model's names and values).</summary>
internal static class WireImages
{
    public static WireImage ToWire(VisibleImage visible, ImageLifecycle lifecycle)
    {
        var image = visible.Image;
        return new WireImage
        {
            ImageId = image.Id.Value,
            OsName = image.OperatingSystem.Name,
            ImageType = TypeOf(visible.Kind),
            CreatedTime = image.CreatedAt,
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

    private static string SourceOf(ImageSource source) => source switch
    {
        ImageSource.Official => "OFFICIAL",
        ImageSource.Imported => "EXTERNAL_IMPORT",
        _ => "CREATE_IMAGE",
    };
}
