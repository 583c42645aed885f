using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>The caller can see the image but does not own it, and only the owner may do this: cancel sharing, delete, or (for a public image) any change (R13, R25).</summary>
/// <remarks>Code <c>UnauthorizedOperation.ImageNotBelongToAccount</c>; rules R13, R25.</remarks>
public sealed class ImageNotOwned : Failure
{
    /// <summary>Makes the failure.</summary>
    /// <param name="imageId">The image.</param>
    /// <param name="operation">What was tried.</param>
    public ImageNotOwned(ImageId imageId, ImageOperation operation)
        : base("UnauthorizedOperation.ImageNotBelongToAccount")
    {
        ImageId = imageId;
        Operation = operation;
    }

    /// <summary>The image.</summary>
    public ImageId ImageId { get; }

    /// <summary>What was tried.</summary>
    public ImageOperation Operation { get; }

    private protected override object? Fields => (ImageId, Operation);

    private protected override string Describe() => $"image `{ImageId}` does not belong to the caller, who cannot {Operation.Words()} it";
}
