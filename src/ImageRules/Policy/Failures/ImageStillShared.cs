using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>The image still has share grants: cancel sharing before deleting it (R16).</summary>
/// <remarks>Code <c>InvalidImageId.InShared</c>; rules R16.</remarks>
public sealed class ImageStillShared : Failure
{
    /// <summary>Makes the failure.</summary>
    /// <param name="imageId">The image.</param>
    /// <param name="grantCount">How many grants it has.</param>
    public ImageStillShared(ImageId imageId, int grantCount)
        : base("InvalidImageId.InShared")
    {
        ImageId = imageId;
        GrantCount = grantCount;
    }

    /// <summary>The image.</summary>
    public ImageId ImageId { get; }

    /// <summary>How many grants it has.</summary>
    public int GrantCount { get; }

    private protected override object? Fields => (ImageId, GrantCount);

    private protected override string Describe() => $"image `{ImageId}` is shared with {GrantCount} account(s): cancel sharing before deleting it";
}
