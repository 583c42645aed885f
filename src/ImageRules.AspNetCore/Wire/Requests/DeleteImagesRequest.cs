namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>DeleteImagesRequest</c>: delete custom images.</summary>
/// <remarks><c>ImageIds</c> is required, ≤ 100 (<c>InvalidParameterValue.LimitExceeded</c>).</remarks>
internal sealed record DeleteImagesRequest : WireRequest
{
    /// <summary>The images to delete.</summary>
    public IReadOnlyList<string>? ImageIds { get; init; }

    /// <summary>Delete the images' snapshots too; <c>false</c> by default.</summary>
    public bool? DeleteBindedSnap { get; init; }

    /// <summary>Check only; delete nothing.</summary>
    public bool? DryRun { get; init; }

    /// <inheritdoc />
    public override WireError? Validate() =>
        WireChecks.RequiredList(ImageIds, nameof(ImageIds))
        ?? WireChecks.NoNullItems(ImageIds, nameof(ImageIds))
        ?? WireChecks.AtMost(ImageIds, WireLimits.DeleteImagesImageIds, nameof(ImageIds));
}
