namespace ImageRules.Samples.ImageApi.Wire;

/// <summary>The input of <c>DeleteImages</c> (R16).</summary>
/// <param name="ImageIds">The caller's custom images to delete.</param>
public sealed record DeleteImagesRequest(IReadOnlyList<string>? ImageIds);
