using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>The image's state does not allow the operation: a copy needs <c>Normal</c> (R14); a delete is refused while the image is being created, imported or copied (R16); completing needs such an in-progress state (R10, R37).</summary>
/// <remarks>Code <c>InvalidImageId.IncorrectState</c>; rules R10, R14, R16, R37.</remarks>
public sealed class ImageStateIncorrect : Failure
{
    /// <summary>Makes the failure.</summary>
    /// <param name="imageId">The image.</param>
    /// <param name="state">Its state.</param>
    /// <param name="operation">What was tried.</param>
    public ImageStateIncorrect(ImageId imageId, ImageState state, ImageOperation operation)
        : base("InvalidImageId.IncorrectState")
    {
        ImageId = imageId;
        State = state;
        Operation = operation;
    }

    /// <summary>The image.</summary>
    public ImageId ImageId { get; }

    /// <summary>Its state.</summary>
    public ImageState State { get; }

    /// <summary>What was tried.</summary>
    public ImageOperation Operation { get; }

    private protected override object? Fields => (ImageId, State, Operation);

    private protected override string Describe() => $"image `{ImageId}` is `{State}` and cannot be {Operation.Participle()}";
}
