namespace ImageRules.Samples.ImageApi.Wire;

/// <summary>The input of <c>CreateImage</c> (R10–R12): image one of the caller's instances.</summary>
/// <param name="InstanceId">The instance, <c>ins-</c> and 8 lowercase letters or digits.</param>
/// <param name="ImageName">The new image's name.</param>
/// <param name="ImageDescription">An optional description.</param>
public sealed record CreateImageRequest(string? InstanceId, string? ImageName, string? ImageDescription);
