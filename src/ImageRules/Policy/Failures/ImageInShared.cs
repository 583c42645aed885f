using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>The image is still shared; cancel sharing before deleting it (R16).</summary>
/// <remarks>Code <c>InvalidImageId.InShared</c>.</remarks>
/// <param name="ImageId">The image.</param>
/// <param name="GrantCount">How many grants it still has.</param>
public sealed record ImageInShared(ImageId ImageId, int GrantCount) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "InvalidImageId.InShared";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R16";

    /// <inheritdoc/>
    public override string Message => $"image `{ImageId}` is shared with {GrantCount} account(s): cancel sharing before deleting it";
}
