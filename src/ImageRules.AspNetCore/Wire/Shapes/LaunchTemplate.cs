namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>LaunchTemplate</c>: a launch template whose values stand in for <c>Placement</c> and <c>ImageId</c>.</summary>
/// <remarks>Read so that a request with a template is not refused for lacking those two. Immutable.</remarks>
internal sealed record LaunchTemplate
{
    /// <summary>The template id.</summary>
    public string? LaunchTemplateId { get; init; }

    /// <summary>The template version (SDK: uint64).</summary>
    public ulong? LaunchTemplateVersion { get; init; }
}
