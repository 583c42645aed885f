namespace ImageRules.Samples.ImageApi.Wire;

/// <summary>One copy made by <c>SyncImages</c>.</summary>
/// <param name="ImageId">The copy's id.</param>
/// <param name="Region">The region it was copied into.</param>
public sealed record SyncImage(string ImageId, string Region);
