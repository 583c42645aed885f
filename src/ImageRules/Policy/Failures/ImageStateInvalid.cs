using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>The image is not <c>Normal</c>: only a <c>Normal</c> image may be shared (R20) or launched (R30).</summary>
/// <remarks>Code <c>InvalidParameterValue.InvalidImageState</c>; rules R20, R30.</remarks>
public sealed class ImageStateInvalid : Failure
{
    /// <summary>Makes the failure.</summary>
    /// <param name="imageId">The image.</param>
    /// <param name="state">Its state.</param>
    /// <param name="operation">Share or launch.</param>
    public ImageStateInvalid(ImageId imageId, ImageState state, ImageOperation operation)
        : base("InvalidParameterValue.InvalidImageState")
    {
        ImageId = imageId;
        State = state;
        Operation = operation;
    }

    /// <summary>The image.</summary>
    public ImageId ImageId { get; }

    /// <summary>Its state.</summary>
    public ImageState State { get; }

    /// <summary>Share or launch.</summary>
    public ImageOperation Operation { get; }

    private protected override object? Fields => (ImageId, State, Operation);

    private protected override string Describe() => $"image `{ImageId}` is `{State}`: only a `Normal` image can be {Operation.Participle()}";
}
