using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>The caller holds a grant for the image: a recipient may only launch it, not rename, re-describe, copy or re-share it (R25).</summary>
/// <remarks>Code <c>UnsupportedOperation.SharedImageModifyUnsupported</c>; rules R25.</remarks>
public sealed class SharedImageModifyUnsupported : Failure
{
    /// <summary>Makes the failure.</summary>
    /// <param name="imageId">The shared image.</param>
    /// <param name="operation">What was tried.</param>
    public SharedImageModifyUnsupported(ImageId imageId, ImageOperation operation)
        : base("UnsupportedOperation.SharedImageModifyUnsupported")
    {
        ImageId = imageId;
        Operation = operation;
    }

    /// <summary>The shared image.</summary>
    public ImageId ImageId { get; }

    /// <summary>What was tried.</summary>
    public ImageOperation Operation { get; }

    private protected override object? Fields => (ImageId, Operation);

    private protected override string Describe() => $"image `{ImageId}` is shared with the caller, who cannot {Operation.Words()} it";
}
