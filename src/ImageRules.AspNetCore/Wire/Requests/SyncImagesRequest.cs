namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>SyncImagesRequest</c>: copy a custom image to other regions.</summary>
/// <remarks>
/// <c>ImageIds</c> and <c>DestinationRegions</c> are required; <c>ImageIds</c> ≤ 1 ("each call syncs one image") and
/// <c>DestinationRegions</c> ≤ 100 (not documented), both <c>InvalidParameterValue.LimitExceeded</c>.
/// </remarks>
internal sealed record SyncImagesRequest : WireRequest
{
    /// <summary>The image to copy, in state <c>NORMAL</c>.</summary>
    public IReadOnlyList<string>? ImageIds { get; init; }

    /// <summary>The regions to copy to.</summary>
    public IReadOnlyList<string>? DestinationRegions { get; init; }

    /// <summary>Check only; copy nothing.</summary>
    public bool? DryRun { get; init; }

    /// <summary>The copies' name; the source's by default; at most 60 characters.</summary>
    public string? ImageName { get; init; }

    /// <summary>Answer the copies' ids in <c>ImageSet</c>; <c>false</c> by default.</summary>
    public bool? ImageSetRequired { get; init; }

    /// <summary>Copy into an encrypted custom image, in the source region only.</summary>
    public bool? Encrypt { get; init; }

    /// <summary>The KMS key of an encrypted copy.</summary>
    public string? KmsKeyId { get; init; }

    /// <inheritdoc />
    public override WireError? Validate() =>
        WireChecks.RequiredList(ImageIds, nameof(ImageIds))
        ?? WireChecks.RequiredList(DestinationRegions, nameof(DestinationRegions))
        ?? WireChecks.NoNullItems(ImageIds, nameof(ImageIds))
        ?? WireChecks.NoNullItems(DestinationRegions, nameof(DestinationRegions))
        ?? WireChecks.AtMost(ImageIds, WireLimits.SyncImagesImageIds, nameof(ImageIds))
        ?? WireChecks.AtMost(DestinationRegions, WireLimits.SyncImagesDestinationRegions, nameof(DestinationRegions));
}
