namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>ModifyImageAttributeRequest</c>: rename, describe, regroup or deprecate a custom image.</summary>
/// <remarks><c>ImageId</c> is required.</remarks>
internal sealed record ModifyImageAttributeRequest : WireRequest
{
    /// <summary>The image.</summary>
    public string? ImageId { get; init; }

    /// <summary>The new name, at most 60 characters, unique among the account's images.</summary>
    public string? ImageName { get; init; }

    /// <summary>The new description, at most 256 characters.</summary>
    public string? ImageDescription { get; init; }

    /// <summary>The new image family.</summary>
    public string? ImageFamily { get; init; }

    /// <summary>Whether the image is deprecated.</summary>
    public bool? ImageDeprecated { get; init; }

    /// <inheritdoc />
    public override WireError? Validate() => WireChecks.Required(ImageId, nameof(ImageId));
}
