using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImageRules.AspNetCore.Wire;

/// <summary>
/// SDK <c>DescribeImagesResponse.ImageSet</c>: the page's images, each written as an SDK <c>Image</c> object straight
/// from the values the answer was decided with, so that a page of images costs no wire object per image.
/// </summary>
/// <remarks>
/// The wire layer knows only JSON: what the objects say is the subclass's (the library's images, see
/// <c>WireImages</c>). Written by <see cref="WireImageSetConverter"/> as a JSON array. Immutable.
/// </remarks>
[JsonConverter(typeof(WireImageSetConverter))]
internal abstract class WireImageSet
{
    /// <summary>No images: an empty array.</summary>
    public static WireImageSet None { get; } = new NoImages();

    /// <summary>Writes each image's object, in order, inside the array the converter has opened.</summary>
    public abstract void WriteImages(Utf8JsonWriter writer);

    private sealed class NoImages : WireImageSet
    {
        public override void WriteImages(Utf8JsonWriter writer)
        {
        }
    }
}
