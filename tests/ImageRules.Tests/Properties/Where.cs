using ImageRules.Domain;

namespace ImageRules.Tests.Properties;

/// <summary>The region an operation on an image addresses: the image's own region, or a fixed one (often the wrong one).</summary>
/// <param name="Region">The fixed region, or null for the image's own.</param>
public sealed record Where(RegionId? Region)
{
    /// <summary>The image's own region.</summary>
    public static Where ImageRegion { get; } = new((RegionId?)null);

    /// <inheritdoc/>
    public override string ToString() => Region is { } region ? $"in {region}" : "in its region";
}
