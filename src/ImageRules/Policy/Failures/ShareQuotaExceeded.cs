using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>The share would give the image more recipients than allowed (R21: seed 50, Provider 2025 500).</summary>
/// <remarks>Code <c>OverQuota</c>; rules R21.</remarks>
public sealed class ShareQuotaExceeded : Failure
{
    /// <summary>Makes the failure.</summary>
    /// <param name="imageId">The image.</param>
    /// <param name="limit">The limit in force.</param>
    /// <param name="requested">How many recipients the image would have.</param>
    public ShareQuotaExceeded(ImageId imageId, int limit, int requested)
        : base("OverQuota")
    {
        ImageId = imageId;
        Limit = limit;
        Requested = requested;
    }

    /// <summary>The image.</summary>
    public ImageId ImageId { get; }

    /// <summary>The limit in force.</summary>
    public int Limit { get; }

    /// <summary>How many recipients the image would have.</summary>
    public int Requested { get; }

    private protected override object? Fields => (ImageId, Limit, Requested);

    private protected override string Describe() => $"image `{ImageId}` would be shared with {Requested} accounts, more than the {Limit} allowed";
}
