namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>TagSpecification</c>: tags to bind to a resource of a type as it is created.</summary>
/// <remarks>Both fields are required by the SDK model. Immutable.</remarks>
internal sealed record TagSpecification
{
    /// <summary>The resource type: <c>image</c> for CreateImage and ImportImage, <c>instance</c> for RunInstances.</summary>
    public string? ResourceType { get; init; }

    /// <summary>The tags.</summary>
    public IReadOnlyList<Tag>? Tags { get; init; }

    /// <summary>The specification at <paramref name="path"/> (<c>TagSpecification.0</c>) checked as a request part.</summary>
    public WireError? Validate(string path) =>
        WireChecks.Required(ResourceType, $"{path}.ResourceType")
        ?? WireChecks.Required(Tags, $"{path}.Tags")
        ?? WireChecks.Each(Tags, $"{path}.Tags", static (tag, tagPath) =>
            WireChecks.Required(tag.Key, $"{tagPath}.Key") ?? WireChecks.Required(tag.Value, $"{tagPath}.Value"));
}
