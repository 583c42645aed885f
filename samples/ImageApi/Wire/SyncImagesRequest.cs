namespace ImageRules.Samples.ImageApi.Wire;

/// <summary>The input of <c>SyncImages</c> (R14, R15): copy images into other regions, free of charge.</summary>
/// <param name="ImageIds">The caller's images in the addressed region.</param>
/// <param name="DestinationRegions">The regions to copy each into.</param>
public sealed record SyncImagesRequest(IReadOnlyList<string>? ImageIds, IReadOnlyList<string>? DestinationRegions);
