namespace ImageRules.Samples.ImageApi.Wire;

/// <summary>The output of <c>CreateImage</c>: the new image's id.</summary>
/// <param name="ImageId">The new image.</param>
/// <param name="RequestId">The call's id.</param>
public sealed record CreateImageResponse(string ImageId, string RequestId);
