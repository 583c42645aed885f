using ImageRules.Domain;

namespace ImageRules.Policy.Requests;

/// <summary>A request to copy an image into another region (R14); cross-region copy is free.</summary>
/// <param name="ImageId">The image to copy.</param>
/// <param name="TargetRegion">The region to copy into.</param>
/// <param name="Name">The copy's name; the source's name when null.</param>
public sealed record CopyImageRequest(ImageId ImageId, RegionId TargetRegion, string? Name = null);
