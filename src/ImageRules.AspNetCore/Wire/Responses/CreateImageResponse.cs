namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>CreateImageResponse</c>.</summary>
internal sealed record CreateImageResponse : WireResponse
{
    /// <summary>The new image's id; unset for a dry run.</summary>
    public string? ImageId { get; init; }
}
