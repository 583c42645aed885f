namespace ImageRules.Samples.ImageApi.Wire;

/// <summary>The output of <c>SyncImages</c>: the copies.</summary>
/// <param name="ImageSet">One copy per image and destination region.</param>
/// <param name="RequestId">The call's id.</param>
public sealed record SyncImagesResponse(IReadOnlyList<SyncImage> ImageSet, string RequestId);
