namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>ImportImageResponse</c>.</summary>
internal sealed record ImportImageResponse : WireResponse
{
    /// <summary>The new image's id; unset for a dry run.</summary>
    public string? ImageId { get; init; }
}
