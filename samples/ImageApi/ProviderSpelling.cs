using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Samples.ImageApi.Wire;

namespace ImageRules.Samples.ImageApi;

/// <summary>The provider's wire spellings of the library's values: <c>PRIVATE_IMAGE</c> for a custom image, <c>NORMAL</c> for a state.</summary>
public static class ProviderSpelling
{
    /// <summary>An image as <c>DescribeImages</c> lists it, with its kind for the caller.</summary>
    public static ImageItem ToItem(VisibleImage seen)
    {
        ArgumentNullException.ThrowIfNull(seen);
        var image = seen.Image;
        return new ImageItem(
            image.Id.Value,
            image.Name,
            image.Description,
            ImageType(seen.Kind),
            image.State.ToString().ToUpperInvariant(),
            image.OperatingSystem.Name,
            image.OperatingSystem.Platform,
            image.Architecture.ToProviderName(),
            image.SizeGiB,
            image.Owner?.Value,
            image.CreatedAt);
    }

    /// <summary><c>PUBLIC_IMAGE</c>, <c>PRIVATE_IMAGE</c> or <c>SHARED_IMAGE</c>.</summary>
    public static string ImageType(ImageKind kind) => kind switch
    {
        ImageKind.Public => "PUBLIC_IMAGE",
        ImageKind.Custom => "PRIVATE_IMAGE",
        _ => "SHARED_IMAGE",
    };

    /// <summary>Reads an <c>image-type</c> filter value; false for anything but the three spellings.</summary>
    public static bool TryParseImageType(string? text, out ImageKind kind)
    {
        foreach (var candidate in Enum.GetValues<ImageKind>())
        {
            if (string.Equals(text, ImageType(candidate), StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
