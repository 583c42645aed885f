namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>SyncImage</c>: the id of an image's copy in a destination region.</summary>
/// <remarks>Both fields are required by the SDK model and always written. Immutable.</remarks>
internal sealed record SyncImage
{
    /// <summary>The id of the copy.</summary>
    public string ImageId { get; init; } = string.Empty;

    /// <summary>The destination region.</summary>
    public string Region { get; init; } = string.Empty;
}
