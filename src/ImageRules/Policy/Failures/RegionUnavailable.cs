using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>The region exists but cannot serve the operation: it does not support image copy or import, or a copy targets the image's own region (R14, R18).</summary>
/// <remarks>Code <c>InvalidRegion.Unavailable</c>; rules R14, R18.</remarks>
public sealed class RegionUnavailable : Failure
{
    /// <summary>Makes the failure.</summary>
    /// <param name="regionId">The region.</param>
    /// <param name="operation">Copy or import.</param>
    /// <param name="isImageRegion">True when a copy names the image's own region as its target.</param>
    public RegionUnavailable(RegionId regionId, ImageOperation operation, bool isImageRegion)
        : base("InvalidRegion.Unavailable")
    {
        RegionId = regionId;
        Operation = operation;
        IsImageRegion = isImageRegion;
    }

    /// <summary>The region.</summary>
    public RegionId RegionId { get; }

    /// <summary>Copy or import.</summary>
    public ImageOperation Operation { get; }

    /// <summary>True when a copy names the image's own region as its target.</summary>
    public bool IsImageRegion { get; }

    private protected override object? Fields => (RegionId, Operation, IsImageRegion);

    private protected override string Describe() => IsImageRegion ? $"region `{RegionId}` is the image's own region: copy to a different region" : $"region `{RegionId}` does not support image {Operation.Words()}";
}
