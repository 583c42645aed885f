namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>SyncImagesResponse</c>.</summary>
internal sealed record SyncImagesResponse : WireResponse
{
    /// <summary>The copies' ids by region, when the request set <c>ImageSetRequired</c>; else left out.</summary>
    public IReadOnlyList<SyncImage>? ImageSet { get; init; }
}
