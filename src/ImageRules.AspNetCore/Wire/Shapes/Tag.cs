namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>Tag</c>: a tag key and value, bound at creation (<c>TagSpecification.Tags</c>); the images this stand-in shows carry none.</summary>
/// <remarks>Both fields are required by the SDK model and always written. Immutable.</remarks>
internal sealed record Tag
{
    /// <summary>The tag key.</summary>
    public string Key { get; init; } = string.Empty;

    /// <summary>The tag value.</summary>
    public string Value { get; init; } = string.Empty;
}
