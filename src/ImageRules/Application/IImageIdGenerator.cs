using ImageRules.Domain;

namespace ImageRules.Application;

/// <summary>Makes ids for new images. Replaceable, so a host can use its own scheme or a test can fix the ids.</summary>
/// <remarks>
/// Implementations must be thread-safe. Ids should be unique; a store refuses a commit whose new id is taken and the
/// service then asks for another id, so a rare collision costs a retry, never a lost image.
/// </remarks>
public interface IImageIdGenerator
{
    /// <summary>A new id: <c>img-</c> followed by 8 lowercase letters or digits.</summary>
    ImageId NewImageId();
}
