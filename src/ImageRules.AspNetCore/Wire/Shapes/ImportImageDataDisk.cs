namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>ImportImageDataDisk</c>: a data disk image to import with the system disk.</summary>
/// <remarks><see cref="ImageUrl"/> is required by the SDK model. Immutable.</remarks>
internal sealed record ImportImageDataDisk
{
    /// <summary>The COS address of the data disk image.</summary>
    public string? ImageUrl { get; init; }
}
